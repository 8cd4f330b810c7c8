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
  /**
   * Mean, over the judge's sheets whose entry has at least one other submitted sheet, of (the
   * judge's total − the mean of the other judges' totals for that entry); null when the judge
   * shares no entry with another judge.
   */
  readonly leniency: number | null;
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
  const byEntry = new Map<string, TotalOfSheet[]>();
  for (const sheet of sheets) {
    const list = byEntry.get(sheet.entryId);
    if (list) list.push(sheet);
    else byEntry.set(sheet.entryId, [sheet]);
  }
  const judges = judgeIds.map((judgeId) => {
    const own = sheets.filter((sheet) => sheet.judgeId === judgeId);
    return { judgeId, sheets: own.length, mean: mean(own.map((sheet) => sheet.total)), leniency: leniencyOf(own, byEntry) };
  });

  // Entry, then judge: no key string per sheet (thousands of them per results read).
  const cells = new Map<string, Map<string, number>>();
  for (const sheet of sheets) {
    const row = cells.get(sheet.entryId);
    if (row) row.set(sheet.judgeId, sheet.total);
    else cells.set(sheet.entryId, new Map([[sheet.judgeId, sheet.total]]));
  }
  const matrix = entries.map((entryId) => {
    const row = cells.get(entryId);
    return judgeIds.map((judgeId) => row?.get(judgeId));
  });
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

/**
 * Leniency against the other judges of the same entries, not against the round's mean: a judge
 * who happened to get the stronger entries gives higher totals without being lenient, and the
 * round's mean would blame them for it. Each shared entry contributes the judge's total minus the
 * mean of the others' totals for it; entries only this judge scored say nothing and are skipped.
 */
function leniencyOf(own: readonly TotalOfSheet[], byEntry: ReadonlyMap<string, readonly TotalOfSheet[]>): number | null {
  // statistics.mean's sums, taken in the same order (so the same number to the last bit),
  // without two arrays per sheet.
  let differences = 0;
  let counted = 0;
  for (const sheet of own) {
    let others = 0;
    let count = 0;
    for (const other of byEntry.get(sheet.entryId) ?? []) {
      if (other.judgeId === sheet.judgeId) continue;
      others += other.total;
      count++;
    }
    if (count > 0) {
      differences += sheet.total - others / count;
      counted++;
    }
  }
  return counted > 0 ? differences / counted : null;
}

/** Koo & Li (2016): below 0.5 poor, [0.5, 0.75) moderate, [0.75, 0.9] good, above 0.9 excellent. */
export function iccBand(icc: number): IccBand {
  if (icc < 0.5) return 'poor';
  if (icc < 0.75) return 'moderate';
  if (icc <= 0.9) return 'good';
  return 'excellent';
}
