import { gateFailures, type GatedEntry, type GateFailure } from './gates';
import { byRank, type RankedEntry } from './ranking-scope';
import { ScoringInputError } from './scoring-input-error';
import { PRIZE_TIER_ORDER, type PrizeTier, type RankBy } from './scoring.types';
import { compareIds } from './tie';
import { known } from '../util/known';

export interface PrizeSpec {
  readonly tier: PrizeTier;
  readonly count: number;
  /** Set: the prize is for this category's entries only. Unset: for the whole contest. */
  readonly categoryId?: string | null;
}

export interface PrizeCandidate extends GatedEntry {
  /** False: the organizer screened the entry out. Default true. */
  readonly eligible?: boolean;
}

export interface PrizeInput {
  /** The final round's ranking. */
  readonly ranking: readonly PrizeCandidate[];
  /** How the final round ranked; contest-wide prizes need an overall ranking. */
  readonly rankBy: RankBy;
  readonly prizes: readonly PrizeSpec[];
  /** Default 0. */
  readonly minScoreForPrize?: number;
  /** DESIGN's prize gate: an entry with a criterion mean of 0 in the final round gets no prize. */
  readonly noZeroCriterion?: boolean;
}

/** Why a prize walk passed over an entry: a gate it failed, or the organizer's screening. */
export type PrizeSkipReason = Exclude<GateFailure, 'no_score'> | 'ineligible';

/**
 * An entry the walk passed over although its rank was within the reach of a prize: at or
 * before the rank of the last entry that took a place in its prize pool (anywhere, when the pool
 * left places unawarded).
 */
export interface SkippedForPrize {
  readonly entryId: string;
  readonly categoryId: string | null;
  readonly rank: number;
  readonly score: number;
  readonly reasons: readonly PrizeSkipReason[];
}

/**
 * One line per prize place, in the order places are filled (contest-wide places first, then
 * each category's by category id). A line carries its entry, or `needsDecision: true` (one line
 * per entry of a tie group whose places are not all of one tier or run past the last place; so a
 * group running past the end gives more lines than places), or `notAwarded: true` and no entry.
 */
export interface PrizeLine {
  readonly tier: PrizeTier;
  readonly categoryId?: string;
  readonly entryId?: string;
  readonly rank?: number;
  readonly score?: number;
  readonly needsDecision?: true;
  readonly notAwarded?: true;
}

/**
 * DESIGN's prize allocation. Walks the ranking by rank (then id), skipping entries without a
 * score, below `minScoreForPrize` (within 1e-9) or not eligible; entries sharing a rank form a
 * tie group that takes as many places as it has entries.
 * An entry wins at most one prize: when a contest has both contest-wide and per-category
 * prizes, the contest-wide places are filled first and an entry holding one of those lines
 * (awarded or needsDecision) is skipped in its category's walk.
 */
export function allocatePrizes(input: PrizeInput): PrizeLine[] {
  return allocatePrizesExplained(input).lines;
}

/** allocatePrizes, with the entries its gates passed over and why (see SkippedForPrize). */
export function allocatePrizesExplained(input: PrizeInput): { lines: PrizeLine[]; skipped: SkippedForPrize[] } {
  const minScore = input.minScoreForPrize ?? 0;
  if (!Number.isFinite(minScore)) throw new ScoringInputError('minScoreForPrize must be a number');
  for (const prize of input.prizes) {
    if (!(Number.isInteger(prize.count) && prize.count >= 0))
      throw new ScoringInputError(`the ${prize.tier} prize count must be a whole number, 0 or more`);
  }
  const pools = new Map<string | null, PrizeTier[]>();
  for (const tier of PRIZE_TIER_ORDER) {
    for (const prize of input.prizes.filter((p) => p.tier === tier)) {
      const pool = prize.categoryId ?? null;
      pools.set(pool, [...(pools.get(pool) ?? []), ...Array.from({ length: prize.count }, () => tier)]);
    }
  }
  if (input.rankBy === 'category' && (pools.get(null)?.length ?? 0) > 0) {
    throw new ScoringInputError(
      'contest-wide prizes need a final round ranked overall; give each prize a category or rank the round overall',
    );
  }

  const gates = { minScore, noZeroCriterion: input.noZeroCriterion === true };
  const gated = new Map<string, PrizeSkipReason[]>();
  const candidates: PrizeCandidate[] = [];
  for (const entry of [...input.ranking].sort(byRank)) {
    if (entry.score === null) continue;
    const reasons: PrizeSkipReason[] = gateFailures(entry, gates).filter((f): f is Exclude<GateFailure, 'no_score'> => f !== 'no_score');
    if (entry.eligible === false) reasons.push('ineligible');
    if (reasons.length > 0) gated.set(entry.entryId, reasons);
    else candidates.push(entry);
  }
  const skipped = new Map<string, SkippedForPrize>();
  const placed = new Set<string>();
  const lines: PrizeLine[] = [];
  const poolOrder = [...pools.keys()].sort((a, b) => (a === null ? -1 : b === null ? 1 : compareIds(a, b)));
  for (const pool of poolOrder) {
    const places = pools.get(pool) ?? [];
    const walk = candidates.filter((entry) => (pool === null || entry.categoryId === pool) && !placed.has(entry.entryId));
    const category = pool === null ? {} : { categoryId: pool };
    let next = 0;
    for (const group of groupByRank(walk)) {
      if (next >= places.length) break;
      const reached = places.slice(next, next + group.length);
      const clean = reached.length === group.length && reached.every((tier) => tier === reached[0]);
      // `next` is below places.length (checked above), and a clean group reached a place per entry.
      const firstTier = known(places[next], 'the next place');
      group.forEach((entry, i) => {
        placed.add(entry.entryId);
        lines.push({
          tier: clean ? known(reached[i], 'a reached place') : firstTier,
          ...category,
          entryId: entry.entryId,
          rank: entry.rank,
          score: entry.score ?? 0,
          ...(clean ? {} : { needsDecision: true as const }),
        });
      });
      next += group.length;
    }
    for (const tier of places.slice(next)) lines.push({ tier, ...category, notAwarded: true });
    const lastPlaced = lines.filter((line) => line.entryId !== undefined && (line.categoryId ?? null) === pool).pop();
    const reach = next < places.length ? Infinity : (lastPlaced?.rank ?? -Infinity);
    for (const entry of input.ranking) {
      const reasons = gated.get(entry.entryId);
      if (reasons === undefined || skipped.has(entry.entryId) || entry.rank > reach) continue;
      if (pool !== null && entry.categoryId !== pool) continue;
      skipped.set(entry.entryId, {
        entryId: entry.entryId,
        categoryId: entry.categoryId,
        rank: entry.rank,
        score: entry.score ?? 0,
        reasons,
      });
    }
  }
  return { lines, skipped: [...skipped.values()].sort(byRank) };
}

function groupByRank<T extends RankedEntry>(sorted: readonly T[]): T[][] {
  const groups: T[][] = [];
  for (const entry of sorted) {
    const current = groups[groups.length - 1];
    if (current !== undefined && current.at(0)?.rank === entry.rank) current.push(entry);
    else groups.push([entry]);
  }
  return groups;
}
