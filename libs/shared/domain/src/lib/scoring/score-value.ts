export type ScoreValueProblem = 'not_a_number' | 'below_zero' | 'above_max' | 'too_many_decimals';

/**
 * Null when `value` may be given to a criterion whose maximum is `maxScore`, else why not (a
 * code, so that each side can word it in the reader's language).
 */
export function validateScoreValue(value: unknown, maxScore: number): ScoreValueProblem | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'not_a_number';
  if (value < 0) return 'below_zero';
  if (value > maxScore) return 'above_max';
  if (!hasAtMostTwoDecimals(value)) return 'too_many_decimals';
  return null;
}

export function isValidScoreValue(value: unknown, maxScore: number): value is number {
  return validateScoreValue(value, maxScore) === null;
}

function hasAtMostTwoDecimals(value: number): boolean {
  // 2.35 is stored as 2.35000000000000008882 and 2.35 · 100 rounds to 235.00000000000003, so an
  // exact integer test would refuse what the judge typed. A few ulps of slack accept every
  // decimal with two places (and sums like 0.1 + 0.2) while 1.005 (100.49999999999999) and
  // 1.00000000001 stay refused.
  const cents = value * 100;
  const slack = 4 * Number.EPSILON * Math.max(1, Math.abs(cents));
  return Math.abs(cents - Math.round(cents)) <= slack;
}
