import { aggregateTotals, zscoreTotals } from './aggregate';
import { type BlendedScore, blendVotes, type PublicVoteInput } from './public-vote';
import { rankEntries, type RankCandidate } from './rank';
import { groupByScope } from './ranking-scope';
import { reliabilityOfSheets, type RoundReliability } from './reliability';
import { validateScoreValue } from './score-value';
import { ScoringInputError } from './scoring-input-error';
import type { AggregationMethod, Criterion, LeanSheet, RankBy, SettledBy, Sheet } from './scoring.types';
import { compareIds } from './tie';
import { known } from '../util/known';

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
  const criteria = input.criteria;

  // One canonical order, so that every floating-point sum is taken in the same order however
  // the caller listed the rows: by entry, then judge. From here on a sheet is its position in
  // that order, and its ids, values and totals sit in arrays at that position (no object per
  // sheet). A caller that already lists sheets in this order (results read them so) costs one
  // pass of comparisons, not a sort.
  const count = input.sheets.length;
  const inputEntry: string[] = new Array<string>(count);
  const inputJudge: string[] = new Array<string>(count);
  input.sheets.forEach((sheet, i) => {
    inputEntry[i] = sheet.entryId;
    inputJudge[i] = sheet.judgeId;
  });
  const order = canonicalOrder(inputEntry, inputJudge);
  const values = validateRoundInput(input, trim, minSheets, priority, threshold, secondSheetOfAPair(order, inputEntry, inputJudge));
  const sheetEntry: string[] = [];
  const sheetJudge: string[] = [];
  const scores: (readonly number[])[] = [];
  const totals: number[] = [];
  for (const i of order) {
    const sheetValues = values[i] ?? [];
    sheetEntry.push(inputEntry[i] ?? '');
    sheetJudge.push(inputJudge[i] ?? '');
    scores.push(sheetValues);
    totals.push(leanSheetTotal(criteria, sheetValues));
  }
  const adjusted =
    input.method === 'zscore'
      ? zscoreTotals(
          totals.map((total, i) => ({ judgeId: sheetJudge[i] ?? '', total })),
          minSheets,
        )
      : totals;

  // The canonical order keeps each entry's sheets together: its first position and how many.
  const firstSheet = new Map<string, number>();
  const sheetCount = new Map<string, number>();
  sheetEntry.forEach((entryId, i) => {
    const seen = sheetCount.get(entryId);
    if (seen === undefined) firstSheet.set(entryId, i);
    sheetCount.set(entryId, (seen ?? 0) + 1);
  });

  const vote = input.publicVote;
  const blended = vote === undefined ? undefined : new Map<string, BlendedScore>();
  // Each entry's statistics over its range of `totals`: the sums of statistics.mean, median,
  // populationStd and maxDifference, taken in the same order, without a copy of the range (the
  // median sorts a scratch array) or an array per criterion.
  const scratch: number[] = [];
  const unranked: MutableEntryResult[] = input.entries.map((entry) => {
    const first = firstSheet.get(entry.entryId) ?? 0;
    const judged = sheetCount.get(entry.entryId) ?? 0;
    const end = first + judged;
    const criterionMeans: Record<string, number> = {};
    const criterionNormalizedMeans: Record<string, number> = {};
    const sheets: SheetResult[] = [];
    let rawMean: number | null = null;
    let spread: number | null = null;
    let judgeScore: number | null = null;
    let medianTotal: number | null = null;
    let difference: number | null = null;
    if (judged > 0) {
      for (let k = 0; k < criteria.length; k++) {
        const criterion = known(criteria[k], 'a criterion');
        let sum = 0;
        let normalized = 0;
        for (let i = first; i < end; i++) {
          const v = scores[i]?.[k] ?? 0;
          sum += v;
          normalized += v / criterion.maxScore;
        }
        criterionMeans[criterion.id] = sum / judged;
        criterionNormalizedMeans[criterion.id] = normalized / judged;
      }
      let sum = 0;
      let low = totals[first] ?? 0;
      let high = low;
      scratch.length = 0;
      for (let i = first; i < end; i++) {
        const total = totals[i] ?? 0;
        sheets.push({ judgeId: sheetJudge[i] ?? '', total, adjustedTotal: adjusted[i] ?? 0 });
        sum += total;
        if (total < low) low = total;
        if (total > high) high = total;
        scratch.push(total);
      }
      rawMean = sum / judged;
      let squares = 0;
      for (let i = first; i < end; i++) squares += ((totals[i] ?? 0) - rawMean) ** 2;
      spread = Math.sqrt(squares / judged);
      medianTotal = medianOf(scratch);
      difference = judged < 2 ? null : high - low;
      judgeScore = scoreOf(input.method, rawMean, medianTotal, adjusted, totals, first, end, trim);
    }
    return {
      entryId: entry.entryId,
      categoryId: entry.categoryId ?? null,
      rank: 0,
      settledBy: 'score',
      score: judgeScore,
      judgeScore,
      maxDifference: difference,
      rawMean,
      medianTotal,
      judgeCount: judged,
      spread,
      spreadFlagged: spread !== null && spread > threshold,
      criterionMeans,
      criterionNormalizedMeans,
      sheets,
    };
  });
  if (vote !== undefined && blended !== undefined) {
    for (const line of blendVotes(unranked, vote)) blended.set(line.entryId, line);
    for (const entry of unranked) {
      const line = blended.get(entry.entryId);
      if (line === undefined) continue;
      entry.score = line.score;
      entry.votes = line.votes;
      entry.voteScore = line.voteScore;
    }
  }

  const entries: EntryResult[] = [];
  for (const members of groupByScope(unranked, rankBy)) {
    const byId = new Map(members.map((entry) => [entry.entryId, entry]));
    const candidates: RankCandidate[] = members.map((entry) => new EntryCandidate(entry, priority));
    for (const placement of rankEntries(candidates)) {
      const entry = byId.get(placement.entryId);
      if (entry === undefined) continue;
      entry.rank = placement.rank;
      entry.settledBy = placement.settledBy;
      entries.push(entry);
    }
  }

  const reliability = reliabilityOfSheets(
    input.entries.map((entry) => entry.entryId),
    sheetEntry,
    sheetJudge,
    totals,
    entries.filter((entry) => entry.spreadFlagged).map((entry) => entry.entryId),
  );
  return { method: input.method, rankBy, entries, reliability };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type MutableEntryResult = Mutable<EntryResult>;

const NO_PRIORITY: readonly number[] = [];

/**
 * What ranking reads of an entry. The totals by judge are only needed inside a tie (head to
 * head), so the map is built the first time it is read, not for every entry of the round (a
 * class: the getter lives on the prototype, no closure per entry).
 */
class EntryCandidate implements RankCandidate {
  readonly entryId: string;
  readonly score: number | null;
  readonly priorityMeans: readonly number[];
  readonly medianTotal: number | null;
  private byJudge: Map<string, number> | undefined;

  constructor(
    private readonly entry: EntryResult,
    priority: readonly string[],
  ) {
    this.entryId = entry.entryId;
    this.score = entry.score;
    this.priorityMeans = priority.length === 0 ? NO_PRIORITY : priority.map((id) => entry.criterionNormalizedMeans[id] ?? 0);
    this.medianTotal = entry.medianTotal;
  }

  get totalsByJudge(): ReadonlyMap<string, number> {
    this.byJudge ??= new Map(this.entry.sheets.map((sheet) => [sheet.judgeId, sheet.total]));
    return this.byJudge;
  }
}

/**
 * Positions of the sheets sorted by entry id, then judge id (code-unit order). One pass finds an
 * input already in that order; otherwise a sort on the ids read into arrays once.
 */
function canonicalOrder(entryIds: readonly string[], judgeIds: readonly string[]): number[] {
  const order = entryIds.map((_, i) => i);
  const compare = (a: number, b: number): number =>
    compareIds(entryIds[a] ?? '', entryIds[b] ?? '') || compareIds(judgeIds[a] ?? '', judgeIds[b] ?? '');
  for (let i = 1; i < order.length; i++) {
    if (compare(i - 1, i) > 0) return order.sort(compare);
  }
  return order;
}

/**
 * The input position of the first sheet (in input order) that repeats an entry and judge of an
 * earlier sheet, or -1. The canonical order keeps such sheets next to each other, in input order
 * among themselves (the sort is stable), so the second of each run is its repeat.
 */
function secondSheetOfAPair(order: readonly number[], entryIds: readonly string[], judgeIds: readonly string[]): number {
  let found = -1;
  for (let p = 1; p < order.length; p++) {
    const i = order[p] ?? 0;
    const before = order[p - 1] ?? 0;
    if (entryIds[i] === entryIds[before] && judgeIds[i] === judgeIds[before] && (found < 0 || i < found)) found = i;
  }
  return found;
}

/**
 * The entry's score from its raw totals (positions first … end - 1), or under zscore from its
 * adjusted ones: mean and median are the ones already taken, the others the sums of
 * statistics.mean and trimmedMean in the same order.
 */
function scoreOf(
  method: AggregationMethod,
  rawMean: number,
  rawMedian: number,
  adjusted: readonly number[],
  totals: readonly number[],
  first: number,
  end: number,
  trim: number,
): number {
  switch (method) {
    case 'mean':
      return rawMean;
    case 'median':
      return rawMedian;
    case 'zscore': {
      let sum = 0;
      for (let i = first; i < end; i++) sum += adjusted[i] ?? 0;
      return sum / (end - first);
    }
    case 'trimmed_mean':
      return aggregateTotals(method, totals.slice(first, end), trim);
  }
}

/** statistics.median of a non-empty list it may reorder (sorted in place: no copy). */
function medianOf(values: number[]): number {
  values.sort((a, b) => a - b);
  const middle = Math.floor(values.length / 2);
  const upper = known(values[middle], 'the middle value');
  return values.length % 2 === 1 ? upper : (known(values[middle - 1], 'the value below the middle') + upper) / 2;
}

/**
 * Refuses what cannot be ranked (ScoringInputError) and answers each sheet's values in the order
 * of the criteria, read once, in the order of `input.sheets`. The first problem in that order is
 * the one refused; `repeat` is the position of the first sheet repeating an entry and judge.
 */
function validateRoundInput(
  input: RoundInput,
  trim: number,
  minSheets: number,
  priority: readonly string[],
  threshold: number,
  repeat: number,
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
  for (const id of priority) if (!criterionIds.has(id)) fail(`priority criterion ${id} is not a criterion of the round`);
  if (!(Number.isInteger(trim) && trim >= 0)) fail('trim must be a whole number, 0 or more');
  if (!(Number.isInteger(minSheets) && minSheets >= 1)) fail('minSheetsForNormalization must be a whole number, 1 or more');
  if (!(Number.isFinite(threshold) && threshold >= 0)) fail('spreadThreshold must be a number, 0 or more');

  const entryIds = new Set<string>();
  for (const entry of input.entries) {
    if (entryIds.has(entry.entryId)) fail(`entry ${entry.entryId} is listed twice`);
    entryIds.add(entry.entryId);
  }
  const rows: (readonly number[])[] = [];
  let i = 0;
  for (const sheet of input.sheets) {
    if (!entryIds.has(sheet.entryId))
      fail(`a sheet of judge ${sheet.judgeId} is for entry ${sheet.entryId}, which the round does not cover`);
    if (i++ === repeat) fail(`judge ${sheet.judgeId} has two submitted sheets for entry ${sheet.entryId}`);
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
  for (let k = 0; k < criteria.length; k++) {
    const criterion = known(criteria[k], 'a criterion');
    weights += criterion.weight;
    weighted += criterion.weight * (known(scores[k], 'a score of a validated sheet') / criterion.maxScore);
  }
  return weights > 0 ? 100 * (weighted / weights) : 0;
}
