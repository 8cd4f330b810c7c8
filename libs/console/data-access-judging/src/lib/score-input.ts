import { type ScoreValueProblem, validateScoreValue } from '@laurel/domain';

/** What a judge typed into a score field, read: a value the API accepts, nothing, or why not. */
export type ParsedScore = { ok: true; value: number | null } | { ok: false; problem: ScoreValueProblem };

/**
 * Reads a typed score: empty is "not scored yet"; a decimal comma is accepted (Vietnamese
 * keyboards); anything else must pass the domain's `validateScoreValue`, the API's own check.
 */
export function parseScore(raw: string, maxScore: number): ParsedScore {
  const text = raw.trim().replace(',', '.');
  if (text === '') return { ok: true, value: null };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(text)) return { ok: false, problem: 'not_a_number' };
  const value = Number(text);
  const problem = validateScoreValue(value, maxScore);
  return problem ? { ok: false, problem } : { ok: true, value };
}

/**
 * How a value goes back into the field, in the reader's number format: "7,5" in Vietnamese,
 * "7.5" in English (the same separator as the total beside it), "" for nothing. No grouping and
 * no padded decimals, so that what a judge typed comes back as they typed it.
 */
export function formatScoreInput(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '';
  return new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 2 }).format(value);
}
