import { isTie } from './tie';
import { known } from '../util/known';

/**
 * Kendall's coefficient of concordance with the correction for ties (Kendall 1948):
 *   W = 12·S / (m²(n³ − n) − m·Σ_j T_j),  T_j = Σ (t³ − t) over judge j's groups of t tied totals,
 *   S = Σ_i (R_i − m(n + 1)/2)², R_i = the sum of entry i's ranks over the m judges.
 * `totals` is complete: rows entries, columns judges. Each judge's totals are ranked across
 * entries, ties (|Δ| < 1e-9) sharing the mean of their ranks. Null for fewer than 2 entries or
 * 2 judges, or when every judge tied every entry (denominator 0).
 */
export function kendallW(totals: readonly (readonly number[])[]): number | null {
  const n = totals.length;
  const m = totals[0]?.length ?? 0;
  if (n < 2 || m < 2 || totals.some((row) => row.length !== m)) return null;
  // One judge's column, its ranks and the rank sums in typed arrays reused for every judge: no
  // object per total (a round of 10,000 entries ranks 50,000 totals).
  const rankSums = new Float64Array(n);
  const column = new Float64Array(n);
  const ranks = new Float64Array(n);
  const order = new Uint32Array(n);
  let tieCorrection = 0;
  for (let j = 0; j < m; j++) {
    totals.forEach((row, i) => (column[i] = known(row[j], 'a total of a full row')));
    tieCorrection += rankInto(column, order, ranks);
    for (let i = 0; i < n; i++) rankSums[i] = (rankSums[i] ?? 0) + (ranks[i] ?? 0);
  }
  const expected = (m * (n + 1)) / 2;
  let s = 0;
  for (const r of rankSums) s += (r - expected) ** 2;
  const denominator = m * m * (n ** 3 - n) - m * tieCorrection;
  return denominator > 0 ? (12 * s) / denominator : null;
}

/** Ranks 1..n (ascending), tied values sharing the mean rank, plus Σ(t³ − t) over the ties. */
export function averageRanks(values: readonly number[]): { ranks: number[]; ties: number } {
  const ranks = new Float64Array(values.length);
  const ties = rankInto(Float64Array.from(values), new Uint32Array(values.length), ranks);
  return { ranks: Array.from(ranks), ties };
}

/**
 * averageRanks by index: `values` ranked into `ranks` (same length), `order` a scratch of the
 * same length; answers Σ(t³ − t). Runs of ties are chained between neighbours in ascending order
 * (|Δ| < ε), so the order of equal values among themselves never changes a rank.
 */
function rankInto(values: Float64Array, order: Uint32Array, ranks: Float64Array): number {
  const n = values.length;
  for (let i = 0; i < n; i++) order[i] = i;
  const value = (p: number): number => values[order[p] ?? 0] ?? 0;
  order.sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0));
  let ties = 0;
  let start = 0;
  while (start < n) {
    let end = start + 1;
    let last = value(start);
    while (end < n && isTie(last, value(end))) {
      last = value(end);
      end++;
    }
    const t = end - start;
    const shared = (start + 1 + end) / 2;
    for (let p = start; p < end; p++) ranks[order[p] ?? 0] = shared;
    ties += t ** 3 - t;
    start = end;
  }
  return ties;
}
