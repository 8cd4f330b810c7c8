import { byRank, groupByScope, type RankedEntry } from './ranking-scope';
import { ScoringInputError } from './scoring-input-error';
import type { RankBy } from './scoring.types';
import { TIE_EPSILON } from './tie';

export type AdvancementRule = { readonly top: number } | { readonly minScore: number };

/**
 * Ids of the entries that advance, by scope then rank then id.
 * - `{top: N}`: the first N of each scope (each category when `rankBy` is 'category', else the
 *   whole round), plus every entry sharing the rank of the N-th: a tie at the cut-off takes
 *   everyone in it, the usual contest rule. Positions are counted in the order of `rank`, so
 *   overall ranks also work for a per-category cut.
 * - `{minScore: x}`: every entry whose score is at least x (within 1e-9, so that 69.99999999999999
 *   from rounding passes 70).
 * Entries without a score never advance.
 */
export function selectAdvancing(entries: readonly RankedEntry[], rule: AdvancementRule, rankBy: RankBy): string[] {
  const scopes = groupByScope(
    entries.filter((entry) => entry.score !== null),
    rankBy,
  ).map((scope) => scope.sort(byRank));
  if ('top' in rule) {
    if (!(Number.isInteger(rule.top) && rule.top >= 0))
      throw new ScoringInputError('top must be a whole number, 0 or more');
    return scopes.flatMap((scope) => {
      const last = scope[Math.min(rule.top, scope.length) - 1];
      return last === undefined ? [] : scope.filter((entry) => entry.rank <= last.rank).map((entry) => entry.entryId);
    });
  }
  if (!Number.isFinite(rule.minScore)) throw new ScoringInputError('minScore must be a number');
  return scopes
    .flat()
    .filter((entry) => (entry.score ?? 0) > rule.minScore - TIE_EPSILON)
    .map((entry) => entry.entryId);
}
