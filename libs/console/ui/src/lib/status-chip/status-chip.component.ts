import { ChangeDetectionStrategy, Component, input } from '@angular/core';

export type StatusTone = 'neutral' | 'success' | 'warning' | 'info' | 'accent';

/** A small coloured label for a state ("open", "judging"); the text comes from the caller. */
@Component({
  selector: 'laurel-status-chip',
  template: `<span class="dot" aria-hidden="true"></span><ng-content />`,
  styleUrl: './status-chip.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-tone]': 'tone()' },
})
export class StatusChipComponent {
  readonly tone = input<StatusTone>('neutral');
}
