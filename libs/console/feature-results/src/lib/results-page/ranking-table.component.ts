import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { MatTooltip } from '@angular/material/tooltip';
import type { RoundResultEntryView } from '@laurel/contracts';
import { StatusChipComponent } from '@laurel/console-ui';
import { TranslatePipe } from '@laurel/console-util';
import { ScorePipe, outcomeKey, settledByHelpKey, settledByKey } from '../shared/format';

/** One ranking scope (the round, or one category) as a table: raw mean, score and spread side by side. */
@Component({
  selector: 'laurel-ranking-table',
  imports: [MatIcon, MatTooltip, StatusChipComponent, TranslatePipe, ScorePipe],
  templateUrl: './ranking-table.component.html',
  styleUrl: './ranking-table.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RankingTableComponent {
  readonly entries = input.required<readonly RoundResultEntryView[]>();
  readonly caption = input.required<string>();
  /** Category names by id; the column shows only when the round ranks overall. */
  readonly categories = input<ReadonlyMap<string, string> | null>(null);

  protected readonly settledByKey = settledByKey;
  protected readonly settledByHelpKey = settledByHelpKey;
  protected readonly outcomeKey = outcomeKey;
}
