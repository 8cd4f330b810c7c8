import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

/** A card-sized link to a part of the console, with an optional badge ("coming soon"). */
@Component({
  selector: 'laurel-link-tile',
  imports: [MatIcon, RouterLink],
  template: `
    <a class="tile" [routerLink]="link()">
      <span class="icon-wrap" aria-hidden="true"><mat-icon [svgIcon]="icon()" /></span>
      <span class="text">
        <span class="heading-row">
          <span class="heading">{{ heading() }}</span>
          @if (badge()) {
            <span class="badge">{{ badge() }}</span>
          }
        </span>
        <span class="description">{{ description() }}</span>
      </span>
      @if (!badge()) {
        <mat-icon class="arrow" svgIcon="arrowForward" aria-hidden="true" />
      }
    </a>
  `,
  styleUrl: './link-tile.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LinkTileComponent {
  readonly link = input.required<string>();
  readonly icon = input.required<string>();
  readonly heading = input.required<string>();
  readonly description = input('');
  readonly badge = input<string>();
}
