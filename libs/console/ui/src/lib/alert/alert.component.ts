import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { TranslatePipe } from '@laurel/console-util';

export type AlertTone = 'error' | 'warning' | 'info';

/** A message in the page's flow: errors are announced at once, the rest politely. */
@Component({
  selector: 'laurel-alert',
  imports: [MatIcon, MatIconButton, TranslatePipe],
  template: `
    <mat-icon class="icon" [svgIcon]="icon()" aria-hidden="true" />
    <div class="body"><ng-content /></div>
    @if (dismissible()) {
      <button mat-icon-button type="button" class="close" [attr.aria-label]="'common.dismiss' | translate" (click)="dismissed.emit()">
        <mat-icon svgIcon="close" />
      </button>
    }
  `,
  styleUrl: './alert.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[attr.role]': "tone() === 'error' ? 'alert' : 'status'",
    '[attr.data-tone]': 'tone()',
  },
})
export class AlertComponent {
  readonly tone = input<AlertTone>('info');
  readonly dismissible = input(false);
  readonly dismissed = output<void>();

  protected readonly icon = computed(() => (this.tone() === 'info' ? 'info' : 'error'));
}
