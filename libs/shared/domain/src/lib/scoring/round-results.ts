import { aggregateTotals, zscoreTotals } from './aggregate';
import { maxDifference } from './divergence';
import { blendVotes, type PublicVoteInput } from './public-vote';
import { rankEntries, type RankCandidate } from './rank';
import { groupByScope } from './ranking-scope';
import { roundReliability, type RoundReliability } from './reliability';
import { validateScoreValue } from './score-value';
import { ScoringInputError } from './scoring-input-error';
import type { AggregationMethod, Criterion, LeanSheet, RankBy, SettledBy, Sheet } from './scoring.types';
import { mean, median, populationStd } from './statistics';
import { compareIds } from './tie';

export const SCORING_DEFAULTS = {
  trim: 1,
  minSheetsForNormalization: 5,
  spreadThreshold: 15,
  minScoreForPrize: 0,
} as const;

export interface RoundEntry {
  readonly entryId: string;
  readonly categoryId?: string | null;
}

export interface RoundInput {
  readonly criteria: readonly Criterion[];
  /** Every entry the round covers, with or without sheets. */
  readonly entries: readonly RoundEntry[];
  /**
   * Submitted sheets only; recused and draft sheets are left out by the caller. Either shape:
   * values by criterion id, or (cheaper for thousands of sheets) in the order of `criteria`.
   */
  readonly sheets: readonly (Sheet | LeanSheet)[];
  readonly method: AggregationMethod;
  /** k of trimmed_mean. Default 1. */
  readonly trim?: number;
  /** Default 5. */
  readonly minSheetsForNormalization?: number;
  /** Default 'overall'. */
  readonly rankBy?: RankBy;
  /** Criterion ids, in the order they break ties. */
  readonly priorityCriteria?: readonly string[];
  /** An entry whose spread is above this is flagged. Default 15. */
  readonly spreadThreshold?: number;
  /** Set when the round holds a public vote: its share, scope and counted votes blend into `score`. */
  readonly publicVote?: PublicVoteInput;
}

export interface SheetResult {
  readonly judgeId: string;
  /** T, full precision. */
  readonly total: number;
  /** T' under zscore; T under every other method. */
  readonly adjustedTotal: number;
}

export interface EntryResult {
  readonly entryId: string;
  readonly categoryId: string | null;
  /** Competition rank inside the ranking scope (the round, or the entry's category). */
  readonly rank: number;
  readonly settledBy: SettledBy;
  /** What ranks: judgeScore, or its blend with the public vote in a vote round; null without submitted sheets. */
  readonly score: number | null;
  /** The round's aggregation of the entry's totals; null without submitted sheets. */
  readonly judgeScore: number | null;
  /** Counted public votes (vote rounds only). */
  readonly votes?: number;
  /** 100 · votes / the most votes in the entry's vote scope (vote rounds only). */
  readonly voteScore?: number;
  /** The largest difference between two of its totals; null below two sheets. */
  readonly maxDifference: number | null;
  /** Plain mean of the raw totals, whatever the method. */
  readonly rawMean: number | null;
  readonly medianTotal: number | null;
  readonly judgeCount: number;
  /** Population standard deviation of the raw totals. */
  readonly spread: number | null;
  readonly spreadFlagged: boolean;
  /** Mean raw value v per criterion id (the workbook's "each criterion's mean"). */
  readonly criterionMeans: Readonly<Record<string, number>>;
  /** Mean of v/max per criterion id, in [0, 1]: what the priority-criteria tie-break compares. */
  readonly criterionNormalizedMeans: Readonly<Record<string, number>>;
  /** One per submitted sheet, by judgeId. */
  readonly sheets: readonly SheetResult[];
}

export interface RoundResults {
  readonly method: AggregationMethod;
  readonly rankBy: RankBy;
  /** Grouped by scope (categories by id, no category last), then by rank, then by entryId. */
  readonly entries: readonly EntryResult[];
  readonly reliability: RoundReliability;
}

/**
 * Scores, ranks and measures one round. Full precision throughout; rounding is for display.
 * Output depends only on the data, never on the order of `entries` or `sheets`.
 * Entries without submitted sheets get null score and statistics, empty criterion means, and
 * rank after every scored entry of their scope (see rankEntries).
 * Throws ScoringInputError on inconsistent input (see validateRoundInput).
 */
export function computeRoundResults(input: RoundInput): RoundResults {
  const trim = input.trim ?? SCORING_DEFAULTS.trim;
  const minSheets = input.minSheetsForNormalization ?? SCORING_DEFAULTS.minSheetsForNormalization;
  const rankBy = input.rankBy ?? 'overall';
  const priority = input.priorityCriteria ?? [];
  const threshold = input.spreadThreshold ?? SCORING_DEFAULTS.spreadThreshold;
  const scores = validateRoundInput(input, trim, minSheets, priority, threshold);

  // One canonical order, so that every floating-point sum is taken in the same order however
  // the caller listed the rows. From here on a sheet is its ids and its values in rubric order:
  // one pass read them out of whatever shape the caller gave, none reads a criterion by id again.
  const order = input.sheets.map((_, i) => i);
  order.sort((a, b) => compareIds(input.sheets[a].entryId, input.sheets[b].entryId) || compareIds(input.sheets[a].judgeId, input.sheets[b].judgeId));
  const sheets: LeanSheet[] = order.map((i) => ({ entryId: input.sheets[i].entryId, judgeId: input.sheets[i].judgeId, scores: scores[i] }));
  const criteria = input.criteria;
  const totals = sheets.map((sheet) => leanSheetTotal(criteria, sheet.scores));
  const adjusted =
    input.method === 'zscore'
      ? zscoreTotals(
          sheets.map((sheet, i) => ({ judgeId: sheet.judgeId, total: totals[i] })),
          minSheets,
        )
      : totals;

  const sheetIndexes = new Map<string, number[]>();
  sheets.forEach((sheet, i) => {
    const indexes = sheetIndexes.get(sheet.entryId);
    if (indexes === undefined) sheetIndexes.set(sheet.entryId, [i]);
    else indexes.push(i);
  });

  const unranked = input.entries.map((entry) => {
    const indexes = sheetIndexes.get(entry.entryId) ?? [];
    const raw = indexes.map((i) => totals[i]);
    const criterionMeans: Record<string, number> = {};
    const criterionNormalizedMeans: Record<string, number> = {};
    if (indexes.length > 0) {
      // The sums of statistics.mean, taken in the same order, without an array per criterion.
      criteria.forEach((criterion, k) => {
        let sum = 0;
        let normalized = 0;
        for (const i of indexes) {
          const v = sheets[i].scores[k];
          sum += v;
          normalized += v / criterion.maxScore;
        }
        criterionMeans[criterion.id] = sum / indexes.length;
        criterionNormalizedMeans[criterion.id] = normalized / indexes.length;
      });
    }
    const spread = raw.length > 0 ? populationStd(raw) : null;
    return {
      entryId: entry.entryId,
      categoryId: entry.categoryId ?? null,
      judgeScore:
        raw.length === 0
          ? null
          : scoreOf(
              input.method,
              raw,
              indexes.map((i) => adjusted[i]),
              trim,
            ),
      rawMean: raw.length > 0 ? mean(raw) : null,
      medianTotal: raw.length > 0 ? median(raw) : null,
      judgeCount: raw.length,
      maxDifference: maxDifference(raw),
      spread,
      spreadFlagged: spread !== null && spread > threshold,
      criterionMeans,
      criterionNormalizedMeans,
      sheets: indexes.map((i) => ({ judgeId: sheets[i].judgeId, total: totals[i], adjustedTotal: adjusted[i] })),
    };
  });

  const vote = input.publicVote;
  const blended = vote === undefined ? undefined : new Map(blendVotes(unranked, vote).map((line) => [line.entryId, line]));
  const scored = unranked.map((entry) => {
    const line = blended?.get(entry.entryId);
    return line === undefined
      ? { ...entry, score: entry.judgeScore }
      : { ...entry, score: line.score, votes: line.votes, voteScore: line.voteScore };
  });

  const entries: EntryResult[] = [];
  for (const members of groupByScope(scored, rankBy)) {
    const byId = new Map(members.map((entry) => [entry.entryId, entry]));
    const candidates: RankCandidate[] = members.map((entry) => ({
      entryId: entry.entryId,
      score: entry.score,
      priorityMeans: priority.map((id) => entry.criterionNormalizedMeans[id] ?? 0),
      totalsByJudge: new Map(entry.sheets.map((sheet) => [sheet.judgeId, sheet.total])),
      medianTotal: entry.medianTotal,
    }));
    for (const placement of rankEntries(candidates)) {
      const entry = byId.get(placement.entryId);
      if (entry !== undefined) entries.push({ ...entry, rank: placement.rank, settledBy: placement.settledBy });
    }
  }

  const reliability = roundReliability(
    input.entries.map((entry) => entry.entryId),
    sheets.map((sheet, i) => ({ entryId: sheet.entryId, judgeId: sheet.judgeId, total: totals[i] })),
    entries.filter((entry) => entry.spreadFlagged).map((entry) => entry.entryId),
  );
  return { method: input.method, rankBy, entries, reliability };
}

function scoreOf(method: AggregationMethod, raw: readonly number[], adjusted: readonly number[], trim: number): number {
  return method === 'zscore' ? mean(adjusted) : aggregateTotals(method, raw, trim);
}

/**
 * Refuses what cannot be ranked (ScoringInputError) and answers each sheet's values in the order
 * of the criteria, read once, in the order of `input.sheets`.
 */
function validateRoundInput(
  input: RoundInput,
  trim: number,
  minSheets: number,
  priority: readonly string[],
  threshold: number,
): (readonly number[])[] {
  const fail = (message: string): never => {
    throw new ScoringInputError(message);
  };
  if (input.criteria.length === 0) fail('the round has no criteria');
  const criterionIds = new Set<string>();
  for (const c of input.criteria) {
    if (criterionIds.has(c.id)) fail(`criterion ${c.id} is listed twice`);
    criterionIds.add(c.id);
    if (!(Number.isFinite(c.weight) && c.weight > 0)) fail(`criterion ${c.id} needs a weight above 0`);
    if (!(Number.isFinite(c.maxScore) && c.maxScore > 0)) fail(`criterion ${c.id} needs a maxScore above 0`);
  }
  for (const id of priority)
    if (!criterionIds.has(id)) fail(`priority criterion ${id} is not a criterion of the round`);
  if (!(Number.isInteger(trim) && trim >= 0)) fail('trim must be a whole number, 0 or more');
  if (!(Number.isInteger(minSheets) && minSheets >= 1))
    fail('minSheetsForNormalization must be a whole number, 1 or more');
  if (!(Number.isFinite(threshold) && threshold >= 0)) fail('spreadThreshold must be a number, 0 or more');

  const entryIds = new Set<string>();
  for (const entry of input.entries) {
    if (entryIds.has(entry.entryId)) fail(`entry ${entry.entryId} is listed twice`);
    entryIds.add(entry.entryId);
  }
  // The judges seen per entry: no key string per sheet.
  const seen = new Map<string, Set<string>>();
  const rows: (readonly number[])[] = [];
  for (const sheet of input.sheets) {
    if (!entryIds.has(sheet.entryId))
      fail(`a sheet of judge ${sheet.judgeId} is for entry ${sheet.entryId}, which the round does not cover`);
    const judges = seen.get(sheet.entryId);
    if (judges === undefined) seen.set(sheet.entryId, new Set([sheet.judgeId]));
    else if (judges.has(sheet.judgeId)) fail(`judge ${sheet.judgeId} has two submitted sheets for entry ${sheet.entryId}`);
    else judges.add(sheet.judgeId);
    const values: readonly unknown[] = 'scores' in sheet ? sheet.scores : input.criteria.map((c) => sheet.values[c.id]);
    input.criteria.forEach((c, k) => {
      const problem = validateScoreValue(values[k], c.maxScore);
      if (problem !== null) {
        fail(
          `the submitted sheet of judge ${sheet.judgeId} for entry ${sheet.entryId} has ${values[k] === undefined ? 'no value' : `an invalid value (${problem})`} for criterion ${c.id}`,
        );
      }
    });
    rows.push(values as readonly number[]);
  }
  return rows;
}

/**
 * sheetTotal over values already checked and in rubric order: the same sums in the same order,
 * so the same number to the last bit.
 */
function leanSheetTotal(criteria: readonly Criterion[], scores: readonly number[]): number {
  let weighted = 0;
  let weights = 0;
  criteria.forEach((criterion, k) => {
    weights += criterion.weight;
    weighted += criterion.weight * (scores[k] / criterion.maxScore);
  });
  return weights > 0 ? 100 * (weighted / weights) : 0;
}
