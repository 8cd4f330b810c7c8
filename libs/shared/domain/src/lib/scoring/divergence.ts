import { ScoringInputError } from './scoring-input-error';
import { TIE_EPSILON } from './tie';

export const DIVERGENCE_DEFAULTS = { maxExtraJudges: 1 } as const;

/**
 * The largest difference between two submitted totals of one entry (max − min); null below two
 * totals, where nothing can diverge.
 */
export function maxDifference(totals: readonly number[]): number | null {
  const [first] = totals;
  if (first === undefined || totals.length < 2) return null;
  let low = first;
  let high = first;
  for (const total of totals) {
    if (total < low) low = total;
    if (total > high) high = total;
  }
  return high - low;
}

/**
 * The rule of checkDivergence on a difference already taken (an entry result's maxDifference):
 * at the threshold or above, within 1e-9; never without a threshold or below two totals.
 */
export function isDivergent(difference: number | null, threshold: number | null | undefined): boolean {
  return difference !== null && threshold !== null && threshold !== undefined && difference > threshold - TIE_EPSILON;
}

export interface DivergenceInput {
  /** The entry's submitted totals T, in [0, 100]. */
  readonly totals: readonly number[];
  /** Points of T; null or undefined: divergence review is off. */
  readonly threshold?: number | null;
  /** Judges already added to this entry by divergence review. */
  readonly extraJudges: number;
  /** Default 1. */
  readonly maxExtraJudges?: number;
}

export interface DivergenceCheck {
  readonly maxDifference: number | null;
  /** Two totals differ by the threshold or more. */
  readonly divergent: boolean;
  /** Divergent and the entry has fewer extra judges than allowed: assign one more now. */
  readonly needsExtraJudge: boolean;
}

/**
 * DESIGN's divergence review: two totals differing "by the threshold or more" diverge, so a
 * difference exactly at the threshold counts. The comparison allows 1e-9, as ranking does: totals
 * 80 and 60 computed from weighted fractions may differ by 19.999999999999996, which is 20.
 */
export function checkDivergence(input: DivergenceInput): DivergenceCheck {
  const maxExtra = input.maxExtraJudges ?? DIVERGENCE_DEFAULTS.maxExtraJudges;
  if (input.threshold !== null && input.threshold !== undefined && !(Number.isFinite(input.threshold) && input.threshold >= 0))
    throw new ScoringInputError('divergenceThreshold must be a number, 0 or more');
  if (!(Number.isInteger(maxExtra) && maxExtra >= 0)) throw new ScoringInputError('maxExtraJudges must be a whole number, 0 or more');
  const difference = maxDifference(input.totals);
  const divergent = isDivergent(difference, input.threshold);
  return { maxDifference: difference, divergent, needsExtraJudge: divergent && input.extraJudges < maxExtra };
}
