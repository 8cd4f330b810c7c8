import { Pipe, type PipeTransform, inject } from '@angular/core';
import type { IccKind, PrizeTier, RoundOutcome, RoundStatus, SettledBy } from '@laurel/contracts';
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

/** "ICC(1,3)" or "ICC(2,2.7)": the kind with k, the number of judges each entry had. */
export function iccLabel(kind: IccKind, judgeCounts: readonly number[], locale: string): string {
  const scored = judgeCounts.filter((n) => n > 0);
  if (scored.length === 0) return kind;
  const k = scored.reduce((a, b) => a + b, 0) / scored.length;
  const shown = Number.isInteger(k) ? String(k) : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(k);
  return kind.replace(',k)', `,${shown})`);
}

export const tierKey = (tier: PrizeTier): TranslationKey => `results.tiers.${tier}`;
export const settledByKey = (rule: SettledBy): TranslationKey => `results.settledBy.${rule}`;
export const settledByHelpKey = (rule: SettledBy): TranslationKey => `results.settledByHelp.${rule}`;
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
