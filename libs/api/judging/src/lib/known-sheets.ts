import type { DivergenceSettings, ScoreRow, SheetCriterionRow, SheetRow, SheetWriteState } from '@laurel/api-database';

/** How many assignments a process remembers (a submitted sheet is forgotten at once). */
const KNOWN_MAX = 10_000;

/**
 * What this process learnt of an assignment from its last read or write, for the judge's next
 * save or submit to go straight to its one write:
 * - facts that never change: the assignment's judge, entry, round and contest;
 * - the round's rubric, fixed once the round is open (RoundsService refuses a rubric change
 *   after draft, and a round never goes back to draft), and kept only from an open round;
 * - the round's divergence review settings, which may change while it is open: the submit's
 *   statement writes only while they are still these;
 * - the sheet as this process last wrote or read it: its version and scores. Every write
 *   checks the version (and the submit the stored values) in its WHERE clause.
 * Nothing here decides a write on its own: when the write finds anything changed it writes
 * nothing, and the caller reads the state and decides as without it.
 */
export interface KnownSheet {
  assignment: SheetWriteState['assignment'];
  criteria: SheetCriterionRow[];
  divergence: DivergenceSettings;
  sheet: (Pick<SheetRow, 'id' | 'version'> & { scores: ScoreRow[] }) | null;
}

export class KnownSheets {
  private readonly known = new Map<string, KnownSheet>();

  get(assignmentId: string): KnownSheet | undefined {
    return this.known.get(assignmentId);
  }

  /** Remembers what a state read found, while the round is open and the sheet a draft. */
  read(state: SheetWriteState): void {
    if (state.roundStatus !== 'open' || state.assignment.status !== 'assigned' || state.sheet?.status === 'submitted') {
      this.forget(state.assignment.id);
      return;
    }
    const { sheet } = state;
    this.remember({
      assignment: state.assignment,
      criteria: state.criteria,
      divergence: state.divergence,
      sheet: sheet && { id: sheet.id, version: sheet.version, scores: state.scores },
    });
  }

  /** Remembers the draft a save just wrote. */
  saved(known: Omit<KnownSheet, 'sheet'>, sheet: Pick<SheetRow, 'id' | 'version'>, scores: ScoreRow[]): void {
    const { assignment, criteria, divergence } = known;
    this.remember({ assignment, criteria, divergence, sheet: { id: sheet.id, version: sheet.version, scores } });
  }

  forget(assignmentId: string): void {
    this.known.delete(assignmentId);
  }

  private remember(known: KnownSheet): void {
    const id = known.assignment.id;
    // Oldest out first; a re-remembered assignment moves to the back.
    this.known.delete(id);
    if (this.known.size >= KNOWN_MAX) this.known.delete(this.known.keys().next().value as string);
    this.known.set(id, known);
  }
}
