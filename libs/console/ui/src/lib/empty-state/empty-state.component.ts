import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';

/** What a page shows instead of a list with nothing in it; actions go in the content slot. */
@Component({
  selector: 'laurel-empty-state',
  imports: [MatIcon],
  template: `
    <mat-icon class="icon" [svgIcon]="icon()" aria-hidden="true" />
    <h2 class="heading">{{ heading() }}</h2>
    @if (body()) {
      <p class="body">{{ body() }}</p>
    }
    <ng-content />
  `,
  styleUrl: './empty-state.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmptyStateComponent {
  readonly icon = input('info');
  readonly heading = input.required<string>();
  readonly body = input<string>();
}
