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

/** "7.5" for 7.5, "" for nothing: how a stored value goes back into the field. */
export function formatScoreInput(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}
