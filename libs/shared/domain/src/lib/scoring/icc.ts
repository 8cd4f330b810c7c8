import { mean, sum } from './statistics';
import { TIE_EPSILON } from './tie';
import { known } from '../util/known';

export interface TwoWayIcc {
  /** ICC(2,1): one judge's total, two-way random effects, absolute agreement. */
  readonly single: number | null;
  /** ICC(2,k): the mean of the k judges' totals. */
  readonly average: number | null;
}

export interface OneWayIcc {
  /** ICC(1,1): one judge's total, one-way random effects. */
  readonly single: number | null;
  /** ICC(1,k) with k = the mean number of ratings per target. */
  readonly average: number | null;
  readonly k: number | null;
}

const NO_TWO_WAY: TwoWayIcc = { single: null, average: null };
const NO_ONE_WAY: OneWayIcc = { single: null, average: null, k: null };

/**
 * Shrout & Fleiss (1979) Case 2 from a complete targets × judges table (rows targets):
 *   ICC(2,1) = (BMS − EMS) / (BMS + (k−1)·EMS + k·(JMS − EMS)/n)
 *   ICC(2,k) = (BMS − EMS) / (BMS + (JMS − EMS)/n)
 * Null when there are fewer than 2 targets or 2 judges, when every rating is the same, or when
 * a denominator is not positive: an undefined coefficient must not reach the results as NaN.
 */
export function twoWayRandomIcc(ratings: readonly (readonly number[])[]): TwoWayIcc {
  const n = ratings.length;
  const k = ratings[0]?.length ?? 0;
  if (n < 2 || k < 2 || ratings.some((row) => row.length !== k)) return NO_TWO_WAY;
  const values = ratings.flat();
  const grand = mean(values);
  if (!hasSpread(values, grand)) return NO_TWO_WAY;
  const rowMeans = ratings.map((row) => mean(row));
  const colMeans = Array.from({ length: k }, (_, j) => mean(ratings.map((row) => known(row[j], 'a rating of a full row'))));
  const bms = (k * sum(rowMeans.map((m) => (m - grand) ** 2))) / (n - 1);
  const jms = (n * sum(colMeans.map((m) => (m - grand) ** 2))) / (k - 1);
  // The residual sum of squares summed directly, not as SST − SSR − SSC, which can go
  // slightly negative from rounding.
  let sse = 0;
  ratings.forEach((row, i) => {
    const rowMean = known(rowMeans[i], 'a row mean');
    row.forEach((rating, j) => (sse += (rating - rowMean - known(colMeans[j], 'a column mean') + grand) ** 2));
  });
  const ems = sse / ((n - 1) * (k - 1));
  return {
    single: ratio(bms - ems, bms + (k - 1) * ems + (k * (jms - ems)) / n),
    average: ratio(bms - ems, bms + (jms - ems) / n),
  };
}

/**
 * Shrout & Fleiss (1979) Case 1 (one-way random effects) for targets rated by different
 * numbers of judges. From the one-way ANOVA with unequal group sizes n_i (N = Σ n_i, a groups):
 *   MSB = Σ n_i (ȳ_i − ȳ)² / (a − 1),  MSW = Σ_i Σ_j (y_ij − ȳ_i)² / (N − a),
 *   n0  = (N − Σ n_i² / N) / (a − 1)   (the ANOVA estimator's effective group size,
 *                                        Snedecor & Cochran; Donner 1986),
 * so σ²_target = (MSB − MSW)/n0 and σ²_error = MSW. Then
 *   ICC(1,1) = σ²_t / (σ²_t + σ²_e)     = (MSB − MSW) / (MSB + (n0 − 1)·MSW)
 *   ICC(1,k) = σ²_t / (σ²_t + σ²_e / k) = k(MSB − MSW) / (k·MSB + (n0 − k)·MSW),  k = N / a,
 * the reliability of the mean of k ratings (DESIGN: k = the mean number of sheets per entry).
 * With equal n_i, n0 = k = n_i and these are exactly Shrout & Fleiss's (BMS − WMS)/(BMS +
 * (k−1)WMS) and (BMS − WMS)/BMS. Targets without ratings are left out. Null when fewer than 2
 * targets are rated, when no target has 2 ratings, when every rating is the same, or when a
 * denominator is not positive.
 */
export function oneWayRandomIcc(groups: readonly (readonly number[])[]): OneWayIcc {
  const rated = groups.filter((group) => group.length > 0);
  const a = rated.length;
  const sizes = rated.map((group) => group.length);
  const total = sum(sizes);
  if (a < 2 || total <= a) return NO_ONE_WAY;
  const values = rated.flat();
  const grand = mean(values);
  if (!hasSpread(values, grand)) return NO_ONE_WAY;
  const withMeans = rated.map((group) => ({ group, groupMean: mean(group) }));
  const msb = sum(withMeans.map(({ group, groupMean }) => group.length * (groupMean - grand) ** 2)) / (a - 1);
  const msw = sum(withMeans.map(({ group, groupMean }) => sum(group.map((y) => (y - groupMean) ** 2)))) / (total - a);
  const n0 = (total - sum(sizes.map((size) => size * size)) / total) / (a - 1);
  const k = total / a;
  return {
    single: ratio(msb - msw, msb + (n0 - 1) * msw),
    average: ratio(k * (msb - msw), k * msb + (n0 - k) * msw),
    k,
  };
}

function hasSpread(values: readonly number[], centre: number): boolean {
  return values.some((value) => Math.abs(value - centre) >= TIE_EPSILON);
}

function ratio(numerator: number, denominator: number): number | null {
  const value = numerator / denominator;
  return denominator > 0 && Number.isFinite(value) ? value : null;
}
