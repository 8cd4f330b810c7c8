import type { RankedEntry } from './ranking-scope';
import { TIE_EPSILON } from './tie';

/** What the gates read of an entry: its ranking place and its criterion means. */
export interface GatedEntry extends RankedEntry {
  /** Mean raw value v per criterion id over the entry's submitted sheets (empty without sheets). */
  readonly criterionMeans?: Readonly<Record<string, number>>;
}

/** Why an entry did not pass a gate, in the order the gates are tried. */
export type GateFailure = 'no_score' | 'below_min_score' | 'zero_criterion';

export interface ScoreGates {
  /** Entries scoring less than this fail (within 1e-9, so 69.99999999999999 passes 70). */
  readonly minScore?: number;
  /** Entries with a criterion whose mean is 0 (every judge gave it 0) fail. */
  readonly noZeroCriterion?: boolean;
}

/**
 * "No criterion scored 0" read as DESIGN's prize gate words it: a criterion whose mean over the
 * entry's submitted sheets is 0. Values are never negative, so a mean is 0 exactly when every
 * judge gave 0, and no rounding can make a positive mean look like 0 (the smallest is 0.01 / n).
 */
export function hasZeroCriterion(entry: GatedEntry): boolean {
  return Object.values(entry.criterionMeans ?? {}).some((mean) => mean <= 0);
}

/** The gates an entry fails, empty when it passes them all. An entry without a score fails only `no_score`. */
export function gateFailures(entry: GatedEntry, gates: ScoreGates): GateFailure[] {
  if (entry.score === null) return ['no_score'];
  const failures: GateFailure[] = [];
  if (gates.minScore !== undefined && !(entry.score > gates.minScore - TIE_EPSILON)) failures.push('below_min_score');
  if (gates.noZeroCriterion === true && hasZeroCriterion(entry)) failures.push('zero_criterion');
  return failures;
}
