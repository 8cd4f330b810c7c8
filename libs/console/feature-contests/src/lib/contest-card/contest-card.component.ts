import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCard } from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { StatusChipComponent } from '@laurel/console-ui';
import { TranslatePipe } from '@laurel/console-util';
import type { ContestCard } from './contest-card';

@Component({
  selector: 'laurel-contest-card',
  imports: [MatCard, MatIcon, StatusChipComponent, TranslatePipe],
  templateUrl: './contest-card.component.html',
  styleUrl: './contest-card.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContestCardComponent {
  readonly contest = input.required<ContestCard>();
}
