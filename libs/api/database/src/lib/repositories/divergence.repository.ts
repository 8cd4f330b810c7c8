import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MailLanguage, PanelMode } from '@laurel/contracts';
import { type ConflictEntryRow, type ConflictJudgeRow, loadPanelJudges, loadStoredConflictPairs } from './conflicts.repository';
import { loadRoundEntries } from './assignments.repository';
import { lockAuditChains } from './audit.repository';

export interface DivergenceSettings {
  contestId: string;
  panel: PanelMode;
  /** Null: divergence review is off. */
  threshold: number | null;
  maxExtraJudges: number;
}

/**
 * The reads and the one write of divergence review, always inside the transaction that submits
 * a sheet (the caller's manager), so the extra judge exists exactly when the sheet does.
 */
/** What the mail to a judge divergence review added says. */
export interface ExtraJudgeMail {
  email: string;
  displayName: string;
  language: MailLanguage;
  contestName: string;
  roundName: string;
  entryTitle: string;
  scoresDueAt: Date | null;
  timeZone: string;
}

@Injectable()
export class DivergenceRepository {
  async settings(manager: EntityManager, roundId: string): Promise<DivergenceSettings | null> {
    const rows: DivergenceSettings[] = await manager.query(
      `SELECT contest_id AS "contestId", panel, divergence_threshold::float8 AS threshold, max_extra_judges AS "maxExtraJudges" FROM rounds WHERE id = $1`,
      [roundId],
    );
    return rows[0] ?? null;
  }

  /**
   * Serializes the review of one entry of one round until the transaction ends. Two judges
   * submitting the same entry at once would otherwise each miss the other's sheet (read
   * committed), or both add a judge; after this lock each statement sees the other's commit.
   */
  async lockEntry(manager: EntityManager, roundId: string, entryId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('divergence:' || $1 || ':' || $2, 0))`, [roundId, entryId]);
  }

  /**
   * Holds the contest against a change of the facts of conflict detection (a judge's name or
   * organization, an entry's organization or team) until the transaction ends, before the extra
   * judge is chosen: the recording of such a change takes the same lock before it reads the
   * assignments (`recordDetectedConflicts`), so either it sees this assignment or this choice sees
   * the change. The lock is the head of the contest's audit chain, which the submit holds already
   * since its audited write, so this waits for nothing the submit did not wait for; taking it here
   * again says what the choice relies on.
   */
  lockFacts(manager: EntityManager, contestId: string): Promise<void> {
    return lockAuditChains(manager, [contestId]);
  }

  /** The entry's submitted totals (assignments not recused) and how many judges review already added. */
  async entryState(manager: EntityManager, roundId: string, entryId: string): Promise<{ totals: number[]; extraJudges: number }> {
    const [row]: { totals: number[] | null; extra: number }[] = await manager.query(
      `SELECT array_agg(ss.total) FILTER (WHERE ss.status = 'submitted' AND a.status = 'assigned') AS totals,
              count(*) FILTER (WHERE a.divergence_extra)::int AS extra
         FROM assignments a LEFT JOIN score_sheets ss ON ss.assignment_id = a.id
        WHERE a.round_id = $1 AND a.entry_id = $2`,
      [roundId, entryId],
    );
    return { totals: (row?.totals ?? []).map(Number), extraJudges: row?.extra ?? 0 };
  }

  /** What choosing the extra judge reads: the round's entries, the contest's panel, every stored conflict and assignment of the round. */
  async candidates(
    manager: EntityManager,
    contestId: string,
    roundId: string,
  ): Promise<{
    entries: ConflictEntryRow[];
    judges: ConflictJudgeRow[];
    stored: { judgeId: string; entryId: string }[];
    assignments: { entryId: string; judgeId: string }[];
  }> {
    const [entries, judges, stored, assignments] = await Promise.all([
      loadRoundEntries(manager, roundId),
      loadPanelJudges(manager, contestId),
      loadStoredConflictPairs(manager, contestId),
      manager.query(`SELECT entry_id AS "entryId", judge_id AS "judgeId" FROM assignments WHERE round_id = $1`, [roundId]) as Promise<
        { entryId: string; judgeId: string }[]
      >,
    ]);
    return { entries, judges, stored, assignments };
  }

  /** What the extra judge's mail says: who they are, and the contest, round and entry. */
  async extraJudgeMail(manager: EntityManager, roundId: string, entryId: string, judgeId: string): Promise<ExtraJudgeMail | null> {
    const rows: ExtraJudgeMail[] = await manager.query(
      `SELECT u.email, u.display_name AS "displayName", u.language, c.name AS "contestName", r.name AS "roundName", e.title AS "entryTitle",
              r.scores_due_at AS "scoresDueAt", c.time_zone AS "timeZone"
         FROM users u, rounds r JOIN contests c ON c.id = r.contest_id, entries e
        WHERE u.id = $3 AND r.id = $1 AND e.id = $2`,
      [roundId, entryId, judgeId],
    );
    return rows[0] ?? null;
  }

  /** The extra judge's assignment; null if the pair exists already (it never should: the domain excludes it). */
  async insertExtraJudge(manager: EntityManager, roundId: string, entryId: string, judgeId: string): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO assignments (round_id, entry_id, judge_id, divergence_extra) VALUES ($1, $2, $3, true)
       ON CONFLICT (round_id, entry_id, judge_id) DO NOTHING RETURNING id`,
      [roundId, entryId, judgeId],
    );
    return rows[0]?.id ?? null;
  }
}
