import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { StatusChipComponent } from '@laurel/console-ui';
import { type AreaId, TranslatePipe, areaDescriptionKey, areaTitleKey } from '@laurel/console-util';

/** Stands in for an area a later release builds; its route and role guard are already real. */
@Component({
  selector: 'laurel-coming-soon-page',
  imports: [MatButton, MatIcon, RouterLink, StatusChipComponent, TranslatePipe],
  template: `
    <section class="panel" data-testid="coming-soon">
      <span class="icon" aria-hidden="true"><mat-icon svgIcon="hourglass" /></span>
      <laurel-status-chip tone="accent">{{ 'common.comingSoon' | translate }}</laurel-status-chip>
      <h1 data-testid="coming-soon-heading">{{ titleKey(area()) | translate }}</h1>
      <p class="description">{{ descriptionKey(area()) | translate }}</p>
      <p class="body">{{ 'comingSoon.body' | translate }}</p>
      <a mat-stroked-button routerLink="/dashboard">{{ 'common.backToDashboard' | translate }}</a>
    </section>
  `,
  styleUrl: './coming-soon-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComingSoonPageComponent {
  /** From the route's `data`. */
  readonly area = input.required<AreaId>();

  protected readonly titleKey = areaTitleKey;
  protected readonly descriptionKey = areaDescriptionKey;
}
