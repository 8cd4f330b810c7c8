import { isValidScoreValue } from './score-value';
import type { Criterion, ScoreValues } from './scoring.types';

/**
 * T = 100 · Σ w·(v/max) / Σ w over every criterion of the rubric.
 *
 * A criterion without a valid value adds 0 to Σ w·(v/max) but keeps its weight in Σ w, so on a
 * partial sheet this is the total earned so far: it only grows while the judge fills the sheet
 * and equals the final total once the sheet is complete. The result is always in [0, 100].
 * An empty rubric gives 0.
 */
export function sheetTotal(criteria: readonly Criterion[], values: ScoreValues): number {
  let weighted = 0;
  let weights = 0;
  for (const criterion of criteria) {
    weights += criterion.weight;
    const value = values[criterion.id];
    if (isValidScoreValue(value, criterion.maxScore)) weighted += criterion.weight * (value / criterion.maxScore);
  }
  // 100 · (Σ/Σw), not (100 · Σ)/Σw: Σ ≤ Σw makes the quotient ≤ 1 exactly, whereas
  // (100 · 1.38) / 1.38 = 100.00000000000001 would put a perfect sheet above 100.
  return weights > 0 ? 100 * (weighted / weights) : 0;
}

/** Ids, in rubric order, of the criteria with no value at all (null or undefined). */
export function missingCriteria(criteria: readonly Criterion[], values: ScoreValues): string[] {
  return criteria.filter((criterion) => values[criterion.id] === undefined || values[criterion.id] === null).map((c) => c.id);
}
