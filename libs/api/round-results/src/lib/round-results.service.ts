import { HttpStatus, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError, ServerTiming } from '@laurel/api-core';
import type { EntrySheetsView, RoundResultsView } from '@laurel/contracts';
import { ResultsRepository, type ResultsRound, type RoundRows } from '@laurel/api-database';
import { computeRoundResults, type RoundResults, ScoringInputError } from '@laurel/domain';
import { countedSheet, entrySheetsView, holdsVote, resultsView, roundInput, snapshotView, withOutcomes } from './round-view';

/**
 * A round's results, for every feature that shows or uses them (the results page, advancement,
 * awards, the council, the live board, feedback, the workbook, documents, the stage's reveal).
 * The domain computes every number; this service reads the rows, maps them to the domain and
 * back, and keeps the snapshot policy:
 *
 * - an open (or draft) round is computed from its current sheets on every read;
 * - a closed round answers its snapshot, stored by the first read after closing. Nothing that
 *   ranks can change while a round is closed (a trigger refuses sheet writes, closed rounds keep
 *   their settings), and a trigger drops the snapshot when the round reopens;
 * - outcomes (advanced, eliminated) move after the snapshot, so they are read fresh every time.
 *
 * Access is the caller's: these methods answer whatever round they are given.
 */
@Injectable()
export class RoundResultsService {
  constructor(private readonly results: ResultsRepository) {}

  findRound(roundId: string, manager?: EntityManager): Promise<ResultsRound | null> {
    return this.results.findRound(roundId, manager);
  }

  /** Rounds of a contest, lowest order first. */
  contestRounds(contestId: string, manager?: EntityManager): Promise<ResultsRound[]> {
    return this.results.contestRounds(contestId, manager);
  }

  /**
   * The round's results (see the class for snapshots). In the caller's transaction when given;
   * `timing` collects where the time goes (sql, map, domain) for a Server-Timing header. The
   * snapshot is written outside any repeatable-read snapshot, so that a concurrent first reader's
   * row is waited for and answered instead of failing the transaction.
   */
  async roundResults(round: ResultsRound, manager?: EntityManager, timing = new ServerTiming()): Promise<RoundResultsView> {
    if (round.status !== 'closed') {
      const rows = await this.results.roundRows(round.id, holdsVote(round), manager, timing);
      const view = this.compute(round, rows, timing);
      // The entries were read with their outcomes, in the same snapshot as the sheets.
      return timing.measureSync('map', () => withOutcomes(view, rows.entries));
    }
    const stored = await timing.measure('sql', () => this.results.findSnapshot(round.id, manager));
    const view = stored ? snapshotView(stored) : await this.storeSnapshot(round, manager, timing);
    const outcomes = await timing.measure('sql', () => this.results.outcomes(round.id, manager));
    return withOutcomes(view, outcomes);
  }

  /** One entry's judges and sheets in the round; null when the round neither covers nor assigned the entry. */
  async entrySheets(round: ResultsRound, entryId: string): Promise<EntrySheetsView | null> {
    const entry = await this.results.entryOfRound(round, entryId);
    if (!entry) return null;
    const [criteria, assignments] = await Promise.all([this.results.criteria(round.id), this.results.entryAssignments(round.id, entryId)]);
    const submitted = assignments.filter(countedSheet).flatMap((a) => (a.sheetId === null ? [] : [a.sheetId]));
    const scores = submitted.length > 0 ? await this.results.sheetScores(submitted) : [];
    return entrySheetsView(round, { entryId, ...entry }, criteria, assignments, scores);
  }

  /** Entries of the round the organizer screened out (eligibility can change after a snapshot). */
  ineligibleEntries(roundId: string, manager?: EntityManager): Promise<Set<string>> {
    return this.results.ineligibleEntries(roundId, manager);
  }

  /** Submitted and expected sheets of a round (assignments not recused). */
  sheetProgress(roundId: string): Promise<{ submittedSheets: number; expectedSheets: number }> {
    return this.results.sheetProgress(roundId);
  }

  /** Computes a closed round's results and stores them, unless another first reader stored theirs: then theirs. */
  private async storeSnapshot(round: ResultsRound, manager: EntityManager | undefined, timing: ServerTiming): Promise<RoundResultsView> {
    const view = this.compute(round, await this.results.roundRows(round.id, holdsVote(round), manager, timing), timing);
    const { snapshotAt: _unused, ...payload } = view;
    const storedAt = await timing.measure('sql', () =>
      this.results.insertSnapshot(round.id, { ...payload, roundStatus: 'closed' }, manager),
    );
    if (storedAt) return { ...view, roundStatus: 'closed', snapshotAt: storedAt.toISOString() };
    const theirs = await this.results.findSnapshot(round.id, manager);
    if (!theirs) throw new Error(`the snapshot of round ${round.id} was neither stored nor found`);
    return snapshotView(theirs);
  }

  /** Rows to the domain and back: the domain does every number (timed as `domain`, the rest as `map`). */
  private compute(round: ResultsRound, rows: RoundRows, timing: ServerTiming): RoundResultsView {
    const input = timing.measureSync('map', () => roundInput(round, rows));
    let results: RoundResults;
    try {
      results = timing.measureSync('domain', () => computeRoundResults(input));
    } catch (error) {
      if (error instanceof ScoringInputError) throw inconsistentScores(round.name, error);
      throw error;
    }
    return timing.measureSync('map', () => resultsView(round, rows, results, new Date()));
  }
}

function inconsistentScores(roundName: string, error: ScoringInputError): AppError {
  return new AppError(
    HttpStatus.CONFLICT,
    'results.inconsistent_scores',
    `The sheets of round "${roundName}" cannot be ranked: ${error.message}. Ask an administrator to check the round's sheets.`,
    undefined,
    undefined,
    { round: roundName },
  );
}
