import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { MatTooltip } from '@angular/material/tooltip';
import type { ResultCriterionView, RoundResultEntryView } from '@laurel/contracts';
import { StatusChipComponent } from '@laurel/console-ui';
import { I18nService, ScorePipe, TranslatePipe, UiMessagePipe, formatScore } from '@laurel/console-util';
import { outcomeKey, settledByKey } from '../shared/format';
import { tieNote } from '../shared/tie-note';

/** One ranking scope (the round, or one category) as a table: raw mean, score and spread side by side. */
@Component({
  selector: 'laurel-ranking-table',
  imports: [MatIcon, MatTooltip, StatusChipComponent, TranslatePipe, UiMessagePipe, ScorePipe],
  templateUrl: './ranking-table.component.html',
  styleUrl: './ranking-table.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RankingTableComponent {
  readonly entries = input.required<readonly RoundResultEntryView[]>();
  /** A row's code was chosen: show that entry's judges' sheets. */
  readonly sheets = output<RoundResultEntryView>();
  readonly caption = input.required<string>();
  /** Category names by id; the column shows only when the round ranks overall. */
  readonly categories = input<ReadonlyMap<string, string> | null>(null);
  readonly criteria = input<readonly ResultCriterionView[]>([]);
  /** Criterion ids in the order they break ties. */
  readonly priorityCriteria = input<readonly string[]>([]);

  private readonly i18n = inject(I18nService);
  protected readonly settledByKey = settledByKey;
  protected readonly outcomeKey = outcomeKey;
  /** A public-vote round: the blend's parts show beside the score it makes. */
  protected readonly voteRound = computed(() => this.entries().some((e) => e.votes !== undefined));
  /** Per tied entry, the rule that placed it in words: with whom, on which criterion, which values. */
  protected readonly notes = computed(() => {
    const locale = this.i18n.locale();
    const context = {
      scope: this.entries(),
      criteria: this.criteria(),
      priorityCriteria: this.priorityCriteria(),
      format: (v: number | null) => formatScore(v, locale),
    };
    return new Map(this.entries().map((e) => [e.entryId, tieNote(e, context)]));
  });
}
