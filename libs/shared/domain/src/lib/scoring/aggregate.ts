import { mean, median, populationStd, trimmedMean } from './statistics';
import type { AggregationMethod } from './scoring.types';

/** σj at or below this is "no spread": dividing by it would blow rounding noise up into points. */
export const MIN_JUDGE_STD = 1e-9;

/** An entry's round score from its sheet totals under mean, median or trimmed_mean. */
export function aggregateTotals(method: Exclude<AggregationMethod, 'zscore'>, totals: readonly number[], trim: number): number {
  switch (method) {
    case 'mean':
      return mean(totals);
    case 'median':
      return median(totals);
    case 'trimmed_mean':
      return trimmedMean(totals, trim);
  }
}

export interface JudgedTotal {
  readonly judgeId: string;
  readonly total: number;
}

/**
 * T' for every sheet of the round, in input order: T' = μ + σ·(T − μj)/σj for a judge with at
 * least `minSheetsForNormalization` sheets and σj > 1e-9, else T' = T. μ, σ, μj, σj are
 * population statistics over the round's submitted totals. The zscore entry score is the mean
 * of its T'. T' is not clamped to [0, 100]: DESIGN gives the formula exactly.
 */
export function zscoreTotals(sheets: readonly JudgedTotal[], minSheetsForNormalization: number): number[] {
  if (sheets.length === 0) return [];
  const all = sheets.map((sheet) => sheet.total);
  const roundMean = mean(all);
  const roundStd = populationStd(all);
  const byJudge = new Map<string, number[]>();
  for (const sheet of sheets) {
    const totals = byJudge.get(sheet.judgeId) ?? [];
    totals.push(sheet.total);
    byJudge.set(sheet.judgeId, totals);
  }
  const scale = new Map<string, { mean: number; std: number }>();
  for (const [judgeId, totals] of byJudge) {
    const std = populationStd(totals);
    if (totals.length >= minSheetsForNormalization && std > MIN_JUDGE_STD) scale.set(judgeId, { mean: mean(totals), std });
  }
  return sheets.map((sheet) => {
    const judge = scale.get(sheet.judgeId);
    return judge === undefined ? sheet.total : roundMean + roundStd * ((sheet.total - judge.mean) / judge.std);
  });
}
