import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { EmptyStateComponent } from '@laurel/console-ui';
import { TranslatePipe } from '@laurel/console-util';

@Component({
  selector: 'laurel-not-found-page',
  imports: [MatButton, RouterLink, EmptyStateComponent, TranslatePipe],
  template: `
    <laurel-empty-state icon="info" data-testid="not-found" [heading]="'notFound.title' | translate" [body]="'notFound.body' | translate">
      <a mat-flat-button routerLink="/contests">{{ 'notFound.action' | translate }}</a>
    </laurel-empty-state>
  `,
  styles: `
    @use 'page-frame';

    :host {
      @include page-frame.frame(narrow);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPageComponent {}
