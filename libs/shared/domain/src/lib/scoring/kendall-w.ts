import { sum } from './statistics';
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
  const rankSums = new Array<number>(n).fill(0);
  let tieCorrection = 0;
  for (let j = 0; j < m; j++) {
    const { ranks, ties } = averageRanks(totals.map((row) => known(row[j], 'a total of a full row')));
    ranks.forEach((rank, i) => (rankSums[i] = known(rankSums[i], 'a rank sum') + rank));
    tieCorrection += ties;
  }
  const expected = (m * (n + 1)) / 2;
  const s = sum(rankSums.map((r) => (r - expected) ** 2));
  const denominator = m * m * (n ** 3 - n) - m * tieCorrection;
  return denominator > 0 ? (12 * s) / denominator : null;
}

/** Ranks 1..n (ascending), tied values sharing the mean rank, plus Σ(t³ − t) over the ties. */
export function averageRanks(values: readonly number[]): { ranks: number[]; ties: number } {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length).fill(0);
  let ties = 0;
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    let last = known(order[start], 'the first value of a run').value;
    for (const next of order.slice(end)) {
      if (!isTie(last, next.value)) break;
      last = next.value;
      end++;
    }
    const t = end - start;
    const shared = (start + 1 + end) / 2;
    for (const { index } of order.slice(start, end)) ranks[index] = shared;
    ties += t ** 3 - t;
    start = end;
  }
  return { ranks, ties };
}
