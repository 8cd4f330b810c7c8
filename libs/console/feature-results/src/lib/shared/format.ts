import type { PrizeTier, RoundOutcome, RoundStatus, SettledBy } from '@laurel/contracts';
import type { TranslationKey } from '@laurel/console-util';

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
