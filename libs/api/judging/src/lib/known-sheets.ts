import type { DivergenceSettings, ScoreRow, SheetCriterionRow, SheetRow, SheetWriteBasis, SheetWriteState } from '@laurel/api-database';
import { evictOldest } from '@laurel/api-core';

/** How many assignments a process remembers (a submitted sheet is forgotten at once). */
const ASSIGNMENTS_MAX = 10_000;
/** How many open rounds a process remembers. */
const ROUNDS_MAX = 1_000;

/** An open round as this process last read it. */
export interface KnownRound {
  id: string;
  contestId: string;
  /** Fixed once the round is open: RoundsService refuses a rubric change after draft, and a round never goes back to draft. */
  criteria: SheetCriterionRow[];
  /** May change while the round is open: the submit's statement writes only while they are still these. */
  divergence: DivergenceSettings;
}

/**
 * What this process knows of an assignment from its last read or write, for the judge's next
 * save or submit to go straight to its one write: the assignment's fixed facts (its id, judge,
 * round and contest), its open round, and the sheet as this process last wrote or read it (its
 * version and scores).
 */
export interface KnownSheet {
  assignment: SheetWriteBasis['assignment'];
  round: KnownRound;
  sheet: (Pick<SheetRow, 'id' | 'version'> & { scores: ScoreRow[] }) | null;
}

/**
 * Nothing here decides a write on its own: every write checks again, in its WHERE clause, all that
 * may have changed or that the caller assumed (the judge, the round, the assignment standing, the
 * round open, the sheet's version, the submit's stored values and divergence settings). When the
 * write finds anything else it writes nothing, and the caller reads the state and decides as
 * without memory.
 */
export class KnownSheets {
  private readonly assignments = new Map<string, Omit<KnownSheet, 'round'> & { roundId: string }>();
  private readonly rounds = new Map<string, KnownRound>();
  /** The round of each criterion of a known round. */
  private readonly criterionRounds = new Map<string, string>();

  get(assignmentId: string): KnownSheet | undefined {
    const known = this.assignments.get(assignmentId);
    const round = known && this.rounds.get(known.roundId);
    return known && round && { assignment: known.assignment, round, sheet: known.sheet };
  }

  /**
   * An assignment this process has not met, taken to be `judgeId`'s in the known round of the
   * criterion `criterionId` (the first score of a save names it); its sheet is taken not to
   * exist yet. The write finds out whether that is so.
   */
  unmet(assignmentId: string, judgeId: string, criterionId: string | undefined): KnownSheet | undefined {
    const roundId = criterionId === undefined ? undefined : this.criterionRounds.get(criterionId);
    const round = roundId === undefined ? undefined : this.rounds.get(roundId);
    return round && { assignment: { id: assignmentId, roundId: round.id, contestId: round.contestId, judgeId }, round, sheet: null };
  }

  /** Remembers what a state read found, while the round is open and the sheet a draft. */
  read(state: SheetWriteState): void {
    const { assignment, sheet } = state;
    if (state.roundStatus !== 'open') {
      this.forgetRound(assignment.roundId);
      this.forget(assignment.id);
      return;
    }
    this.rememberRound({ id: assignment.roundId, contestId: assignment.contestId, criteria: state.criteria, divergence: state.divergence });
    if (assignment.status !== 'assigned' || sheet?.status === 'submitted') {
      this.forget(assignment.id);
      return;
    }
    this.remember(assignment, sheet && { id: sheet.id, version: sheet.version, scores: state.scores });
  }

  /** Remembers the draft a save just wrote. */
  saved(assignment: SheetWriteBasis['assignment'], sheet: Pick<SheetRow, 'id' | 'version'>, scores: ScoreRow[]): void {
    this.remember(assignment, { id: sheet.id, version: sheet.version, scores });
  }

  forget(assignmentId: string): void {
    this.assignments.delete(assignmentId);
  }

  private remember(assignment: SheetWriteBasis['assignment'], sheet: KnownSheet['sheet']): void {
    const { id, roundId, contestId, judgeId } = assignment;
    // Oldest out first; a re-remembered assignment moves to the back.
    this.assignments.delete(id);
    evictOldest(this.assignments, ASSIGNMENTS_MAX);
    this.assignments.set(id, { assignment: { id, roundId, contestId, judgeId }, roundId, sheet });
  }

  private rememberRound(round: KnownRound): void {
    if (!this.rounds.has(round.id)) evictOldest(this.rounds, ROUNDS_MAX, (id) => this.forgetRound(id));
    this.rounds.set(round.id, round);
    for (const criterion of round.criteria) this.criterionRounds.set(criterion.id, round.id);
  }

  private forgetRound(roundId: string): void {
    for (const criterion of this.rounds.get(roundId)?.criteria ?? []) this.criterionRounds.delete(criterion.id);
    this.rounds.delete(roundId);
  }
}
