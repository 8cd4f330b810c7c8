import type { PanelMode } from './assignment.types';

export interface EntryPanelCount {
  /** The entry's assignments that are not recused. */
  assigned: number;
  /** Its recused assignments. */
  recused: number;
  /** Its submitted sheets. */
  submitted: number;
}

/**
 * How many sheets an entry is short of, so that closing a round and its ranking can say which
 * entries stand on fewer judges than they should.
 *
 * Every judge on the entry (not recused) owes a sheet. A recusal in an `assigned` panel leaves a
 * gap until someone takes the place: the entry should still get the round's judges per entry.
 * In a `complete` panel a recusal is the panel minus one conflicted judge, which is what
 * "complete" means, so it is no gap. A judge the organizer removed was let go on purpose and owes
 * nothing. The expected count is never below the judges actually on the entry (an organizer may
 * add more than `judgesPerEntry`).
 */
export function missingSheets(round: { panel: PanelMode; judgesPerEntry: number }, entry: EntryPanelCount): number {
  const expected = round.panel === 'assigned' && entry.recused > 0 ? Math.max(entry.assigned, round.judgesPerEntry) : entry.assigned;
  return Math.max(0, expected - entry.submitted);
}
