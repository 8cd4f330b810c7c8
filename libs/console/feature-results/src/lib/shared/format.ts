import { Pipe, type PipeTransform, inject } from '@angular/core';
import type { PrizeTier, RoundOutcome, RoundStatus, SettledBy } from '@laurel/contracts';
import { I18nService, type TranslationKey } from '@laurel/console-util';

/** Scores are stored in full precision and shown with two decimals, the locale's way. */
export function formatScore(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/** "+3.20" / "−1.05": a signed difference such as a judge's leniency. */
export function formatSigned(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(value);
}

// Money and file sizes are formatted alike on every page (console-util); re-exported for this lib's imports.
export { formatBytes, formatMoney } from '@laurel/console-util';

/**
 * "2.7": the mean number of judges per entry, the k of ICC(·,k), written on its own (and never
 * folded into "ICC(1,2,7)", where a Vietnamese decimal comma reads as a third parameter).
 */
export function meanJudges(judgeCounts: readonly number[], locale: string): string {
  const scored = judgeCounts.filter((n) => n > 0);
  if (scored.length === 0) return '—';
  const k = scored.reduce((a, b) => a + b, 0) / scored.length;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(k);
}

export const tierKey = (tier: PrizeTier): TranslationKey => `results.tiers.${tier}`;
export const settledByKey = (rule: SettledBy): TranslationKey => `results.settledBy.${rule}`;
export const outcomeKey = (outcome: RoundOutcome): TranslationKey => `results.outcome.${outcome}`;
export const roundStatusKey = (status: RoundStatus): TranslationKey => `results.roundStatus.${status}`;

/** `{{ entry.score | score }}`: two decimals in the current language's format. */
@Pipe({ name: 'score', pure: false })
export class ScorePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(value: number | null | undefined): string {
    return formatScore(value, this.i18n.locale());
  }
}
