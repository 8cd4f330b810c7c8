import { oneWayRandomIcc, twoWayRandomIcc } from './icc';
import { kendallW } from './kendall-w';
import { mean } from './statistics';
import { compareIds } from './tie';

export type IccKind = 'ICC(2,k)' | 'ICC(1,k)';
export type IccBand = 'poor' | 'moderate' | 'good' | 'excellent';

export interface JudgeLeniency {
  readonly judgeId: string;
  readonly sheets: number;
  /** The judge's mean sheet total. */
  readonly mean: number;
  /** The judge's mean total − the mean of all submitted totals of the round. */
  readonly leniency: number;
}

export interface RoundReliability {
  /** Null exactly when `icc` is null. */
  readonly iccKind: IccKind | null;
  readonly icc: number | null;
  readonly iccBand: IccBand | null;
  readonly kendallW: number | null;
  readonly judges: readonly JudgeLeniency[];
  readonly flaggedEntries: readonly string[];
}

export interface TotalOfSheet {
  readonly entryId: string;
  readonly judgeId: string;
  readonly total: number;
}

/**
 * The round's `reliability` block from its raw sheet totals (never the zscore ones: it measures
 * the judges as they scored). A panel is complete when every judge with a submitted sheet in
 * the round has one for every entry of the round; then ICC(2,k) and Kendall's W, otherwise
 * ICC(1,k) over the entries that have sheets, and no W.
 */
export function roundReliability(
  entryIds: readonly string[],
  sheets: readonly TotalOfSheet[],
  flaggedEntries: readonly string[],
): RoundReliability {
  const entries = [...new Set(entryIds)].sort(compareIds);
  const judgeIds = [...new Set(sheets.map((sheet) => sheet.judgeId))].sort(compareIds);
  const grandMean = sheets.length > 0 ? mean(sheets.map((sheet) => sheet.total)) : 0;
  const judges = judgeIds.map((judgeId) => {
    const totals = sheets.filter((sheet) => sheet.judgeId === judgeId).map((sheet) => sheet.total);
    const judgeMean = mean(totals);
    return { judgeId, sheets: totals.length, mean: judgeMean, leniency: judgeMean - grandMean };
  });

  const cell = new Map(sheets.map((sheet) => [`${sheet.entryId}\u0000${sheet.judgeId}`, sheet.total]));
  const matrix = entries.map((entryId) => judgeIds.map((judgeId) => cell.get(`${entryId}\u0000${judgeId}`)));
  const complete =
    entries.length > 0 && judgeIds.length > 0 && matrix.every((row) => row.every((v) => v !== undefined));

  let iccKind: IccKind | null = null;
  let icc: number | null = null;
  let w: number | null = null;
  if (complete) {
    const full = matrix as number[][];
    icc = twoWayRandomIcc(full).average;
    iccKind = 'ICC(2,k)';
    w = kendallW(full);
  } else {
    icc = oneWayRandomIcc(matrix.map((row) => row.filter((v): v is number => v !== undefined))).average;
    iccKind = 'ICC(1,k)';
  }
  return {
    iccKind: icc === null ? null : iccKind,
    icc,
    iccBand: icc === null ? null : iccBand(icc),
    kendallW: w,
    judges,
    flaggedEntries: [...flaggedEntries].sort(compareIds),
  };
}

/** Koo & Li (2016): below 0.5 poor, [0.5, 0.75) moderate, [0.75, 0.9] good, above 0.9 excellent. */
export function iccBand(icc: number): IccBand {
  if (icc < 0.5) return 'poor';
  if (icc < 0.75) return 'moderate';
  if (icc <= 0.9) return 'good';
  return 'excellent';
}
