import { oneWayRandomIcc, twoWayRandomIcc } from './icc';
import { kendallW } from './kendall-w';
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
  return reliabilityOfSheets(
    entryIds,
    sheets.map((sheet) => sheet.entryId),
    sheets.map((sheet) => sheet.judgeId),
    sheets.map((sheet) => sheet.total),
    flaggedEntries,
  );
}

/**
 * roundReliability over sheets given as parallel arrays (entry, judge and total at the same
 * position), as computeRoundResults holds them: no object per sheet, one pass for the judges'
 * means and leniency, the same sums in the same order.
 */
export function reliabilityOfSheets(
  entryIds: readonly string[],
  sheetEntry: readonly string[],
  sheetJudge: readonly string[],
  totals: readonly number[],
  flaggedEntries: readonly string[],
): RoundReliability {
  const entries = [...new Set(entryIds)].sort(compareIds);
  const judgeIds = [...new Set(sheetJudge)].sort(compareIds);
  const judgeIndex = new Map(judgeIds.map((judgeId, j) => [judgeId, j]));
  // Each sheet's judge as its index in judgeIds, and the sheets of each entry in input order:
  // entry e's sheets are positions bySheet[first[e]] … bySheet[first[e + 1] - 1] (typed arrays,
  // not an array per entry).
  const judgeOf = new Int32Array(sheetJudge.length);
  sheetJudge.forEach((judgeId, i) => (judgeOf[i] = judgeIndex.get(judgeId) ?? -1));
  const entryIndex = new Map<string, number>();
  const entryOf = new Int32Array(sheetEntry.length);
  sheetEntry.forEach((entryId, i) => {
    let e = entryIndex.get(entryId);
    if (e === undefined) entryIndex.set(entryId, (e = entryIndex.size));
    entryOf[i] = e;
  });
  const first = new Int32Array(entryIndex.size + 1);
  for (const e of entryOf) first[e + 1] = (first[e + 1] ?? 0) + 1;
  for (let e = 0; e < entryIndex.size; e++) first[e + 1] = (first[e + 1] ?? 0) + (first[e] ?? 0);
  const filled = first.slice(0, entryIndex.size);
  const bySheet = new Int32Array(sheetEntry.length);
  entryOf.forEach((e, i) => (bySheet[(filled[e] = (filled[e] ?? 0) + 1) - 1] = i));

  const judges = judgeIds.map((judgeId) => ({ judgeId, sheets: 0, sum: 0, differences: 0, counted: 0 }));
  totals.forEach((total, i) => {
    const j = judgeOf[i] ?? -1;
    const judge = judges[j];
    if (judge === undefined) return;
    judge.sheets++;
    judge.sum += total;
    // Leniency against the other judges of the same entries, not against the round's mean: a
    // judge who happened to get the stronger entries gives higher totals without being lenient,
    // and the round's mean would blame them for it. Each shared entry contributes the judge's
    // total minus the mean of the others' totals for it; entries only this judge scored say
    // nothing and are skipped.
    let others = 0;
    let count = 0;
    const e = entryOf[i] ?? 0;
    for (let p = first[e] ?? 0, end = first[e + 1] ?? 0; p < end; p++) {
      const o = bySheet[p] ?? 0;
      if (judgeOf[o] === j) continue;
      others += totals[o] ?? 0;
      count++;
    }
    if (count > 0) {
      judge.differences += total - others / count;
      judge.counted++;
    }
  });

  const matrix = entries.map((entryId) => {
    const row: (number | undefined)[] = new Array<number | undefined>(judgeIds.length).fill(undefined);
    const e = entryIndex.get(entryId);
    if (e === undefined) return row;
    for (let p = first[e] ?? 0, end = first[e + 1] ?? 0; p < end; p++) {
      const i = bySheet[p] ?? 0;
      row[judgeOf[i] ?? -1] = totals[i];
    }
    return row;
  });
  const complete = entries.length > 0 && judgeIds.length > 0 && matrix.every((row) => row.every((v) => v !== undefined));

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
    // statistics.mean's sums, taken in the order of the sheets (the same number to the last bit).
    judges: judges.map((judge) => ({
      judgeId: judge.judgeId,
      sheets: judge.sheets,
      mean: judge.sum / judge.sheets,
      leniency: judge.counted > 0 ? judge.differences / judge.counted : null,
    })),
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
