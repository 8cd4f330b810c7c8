import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCard } from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { StatusChipComponent } from '@laurel/console-ui';
import { TranslatePipe } from '@laurel/console-util';
import type { ContestCard } from './contest-card';

@Component({
  selector: 'laurel-contest-card',
  imports: [MatButton, MatCard, MatIcon, RouterLink, StatusChipComponent, TranslatePipe],
  templateUrl: './contest-card.component.html',
  styleUrl: './contest-card.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContestCardComponent {
  readonly contest = input.required<ContestCard>();
}
