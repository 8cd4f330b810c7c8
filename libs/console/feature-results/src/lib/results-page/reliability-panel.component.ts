import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { IccBand, RoundResultsView } from '@laurel/contracts';
import { I18nService, ScorePipe, TranslatePipe, type TranslationKey, formatSigned } from '@laurel/console-util';
import { meanJudges } from '../shared/format';

interface JudgeBar {
  judgeId: string;
  name: string;
  sheets: number;
  /** Null: the judge shares no entry with another judge, so there is nothing to compare. */
  leniency: number | null;
  label: string;
  /** Share of half the chart's width, 0–100. */
  size: number;
}

/** How far the panel can be trusted, in plain words, with each judge's leniency as a bar. */
@Component({
  selector: 'laurel-reliability-panel',
  imports: [TranslatePipe, ScorePipe],
  templateUrl: './reliability-panel.component.html',
  styleUrl: './reliability-panel.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReliabilityPanelComponent {
  readonly results = input.required<RoundResultsView>();

  private readonly i18n = inject(I18nService);

  protected readonly agreement = computed(() => {
    const { reliability, entries } = this.results();
    if (reliability.icc === null || reliability.iccKind === null || reliability.iccBand === null) return null;
    const locale = this.i18n.locale();
    return {
      band: bandKey(reliability.iccBand),
      tone: reliability.iccBand,
      kind: reliability.iccKind,
      k: meanJudges(
        entries.map((e) => e.judgeCount),
        locale,
      ),
      value: new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(reliability.icc),
      complete: reliability.iccKind === 'ICC(2,k)',
    };
  });

  protected readonly kendall = computed(() => {
    const w = this.results().reliability.kendallW;
    return w === null ? null : new Intl.NumberFormat(this.i18n.locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(w);
  });

  protected readonly judges = computed<JudgeBar[]>(() => {
    const judges = this.results().reliability.judges;
    const widest = Math.max(1, ...judges.map((j) => Math.abs(j.leniency ?? 0)));
    const locale = this.i18n.locale();
    return [...judges]
      .sort((a, b) => (b.leniency ?? -Infinity) - (a.leniency ?? -Infinity))
      .map((j) => ({
        judgeId: j.judgeId,
        name: j.name,
        sheets: j.sheets,
        leniency: j.leniency,
        label: j.leniency === null ? this.i18n.t('results.reliability.noShared') : formatSigned(j.leniency, locale),
        size: (100 * Math.abs(j.leniency ?? 0)) / widest,
      }));
  });

  protected readonly flagged = computed(() => {
    const ids = new Set(this.results().reliability.flaggedEntries);
    return this.results().entries.filter((e) => ids.has(e.entryId));
  });
}

function bandKey(band: IccBand): TranslationKey {
  return `results.reliability.band.${band}`;
}
