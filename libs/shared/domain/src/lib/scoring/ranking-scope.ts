import type { RankBy } from './scoring.types';
import { compareIds } from './tie';

/** What advancement and prizes read from a round's results (an EntryResult fits). */
export interface RankedEntry {
  readonly entryId: string;
  readonly categoryId: string | null;
  readonly rank: number;
  readonly score: number | null;
}

/**
 * Entries split into ranking scopes: one per category when the round ranks by category (by
 * category id, entries without a category last), else one. Order inside a scope is kept.
 */
export function groupByScope<T extends { readonly categoryId: string | null }>(entries: readonly T[], rankBy: RankBy): T[][] {
  const scopes = new Map<string | null, T[]>();
  for (const entry of entries) {
    const scope = rankBy === 'category' ? entry.categoryId : null;
    const members = scopes.get(scope);
    if (members === undefined) scopes.set(scope, [entry]);
    else members.push(entry);
  }
  return [...scopes.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : compareIds(a, b))).map((scope) => scopes.get(scope) ?? []);
}

export function byRank(a: RankedEntry, b: RankedEntry): number {
  return a.rank - b.rank || compareIds(a.entryId, b.entryId);
}
