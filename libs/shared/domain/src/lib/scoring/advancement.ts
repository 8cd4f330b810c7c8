import { gateFailures, type GatedEntry, type GateFailure } from './gates';
import { byRank, groupByScope } from './ranking-scope';
import { ScoringInputError } from './scoring-input-error';
import type { RankBy } from './scoring.types';

export type AdvancementRule = { readonly top: number } | { readonly minScore: number };

/** DESIGN's advancement gates, in any combination; no gate at all advances every scored entry. */
export interface AdvancementGates {
  readonly top?: number;
  readonly minScore?: number;
  readonly noZeroCriterion?: boolean;
}

/** A gate failure, or `below_top`: the entry passed the gates but ranked after the first `top` of them. */
export type AdvancementFailure = GateFailure | 'below_top';

export interface AdvancementDecision {
  readonly entryId: string;
  readonly categoryId: string | null;
  readonly rank: number;
  readonly score: number | null;
  readonly advances: boolean;
  /** Why it does not advance: every gate it fails, or `below_top`; empty when it advances. */
  readonly failed: readonly AdvancementFailure[];
  /** One of a tied group that straddles the `top` boundary, which goes through whole. */
  readonly tiedAtTop: boolean;
}

/** A tied group at the `top` boundary of one scope: all of it advances, `beyondTop` more than `top`. */
export interface TopBoundaryTie {
  readonly categoryId: string | null;
  readonly rank: number;
  readonly entryIds: readonly string[];
  readonly beyondTop: number;
}

export interface AdvancementPlan {
  /** Every entry, by scope (categories by id, none last), then rank, then id. */
  readonly decisions: readonly AdvancementDecision[];
  readonly ties: readonly TopBoundaryTie[];
}

/**
 * DESIGN's advancement: entries that pass the gates (a score at least `minScore`; no criterion
 * mean of 0 under `noZeroCriterion`), then the first `top` of them by rank in each scope (each
 * category when the round ranks by category, else the round). A tie across the `top` boundary
 * advances the whole tied group, and the plan names the group. Positions are counted among the
 * entries that passed, in the order of `rank`, so a gated entry never takes a place: with ranks
 * 1, 2, 3 (gated), 4 and top 3, the entries ranked 1, 2 and 4 advance.
 * Entries without a score never advance.
 */
export function planAdvancement(entries: readonly GatedEntry[], gates: AdvancementGates, rankBy: RankBy): AdvancementPlan {
  if (gates.top !== undefined && !(Number.isInteger(gates.top) && gates.top >= 0))
    throw new ScoringInputError('top must be a whole number, 0 or more');
  if (gates.minScore !== undefined && !Number.isFinite(gates.minScore)) throw new ScoringInputError('minScore must be a number');

  const decisions: AdvancementDecision[] = [];
  const ties: TopBoundaryTie[] = [];
  for (const scope of groupByScope(entries, rankBy)) {
    const sorted = [...scope].sort(byRank);
    const failures = new Map(sorted.map((entry) => [entry.entryId, gateFailures(entry, gates)]));
    const passed = sorted.filter((entry) => failures.get(entry.entryId)?.length === 0);
    let cutRank = Infinity;
    let tied = new Set<string>();
    if (gates.top !== undefined) {
      const last = passed[Math.min(gates.top, passed.length) - 1];
      cutRank = last === undefined ? -Infinity : last.rank;
      if (last !== undefined) {
        const group = passed.filter((entry) => entry.rank === last.rank);
        const through = passed.filter((entry) => entry.rank <= last.rank).length;
        if (through > gates.top) {
          tied = new Set(group.map((entry) => entry.entryId));
          ties.push({
            categoryId: rankBy === 'category' ? last.categoryId : null,
            rank: last.rank,
            entryIds: [...tied],
            beyondTop: through - gates.top,
          });
        }
      }
    }
    for (const entry of sorted) {
      const failed: AdvancementFailure[] = [...(failures.get(entry.entryId) ?? [])];
      if (failed.length === 0 && entry.rank > cutRank) failed.push('below_top');
      decisions.push({
        entryId: entry.entryId,
        categoryId: entry.categoryId,
        rank: entry.rank,
        score: entry.score,
        advances: failed.length === 0,
        failed,
        tiedAtTop: tied.has(entry.entryId),
      });
    }
  }
  return { decisions, ties };
}

/**
 * Ids of the entries that advance under one rule, by scope then rank then id (see planAdvancement).
 * - `{top: N}`: the first N of each scope, plus every entry sharing the rank of the N-th.
 * - `{minScore: x}`: every entry whose score is at least x (within 1e-9).
 */
export function selectAdvancing(entries: readonly GatedEntry[], rule: AdvancementRule | AdvancementGates, rankBy: RankBy): string[] {
  return planAdvancement(entries, rule, rankBy)
    .decisions.filter((decision) => decision.advances)
    .map((decision) => decision.entryId);
}
