import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { RoundStatus, SheetStatus } from '@laurel/contracts';
import { type ConflictEntryRow, type ConflictJudgeRow, loadPanelJudges, loadStoredConflictPairs } from './conflicts.repository';
import { type AuditEventInput, AuditRepository } from './audit.repository';
import { findRound, type JudgingRoundRef } from './judging.repository';

/** An assignment with what the organizer's lists show of it. */
export interface AssignmentRow {
  id: string;
  roundId: string;
  entryId: string;
  entryCode: string | null;
  entryTitle: string;
  judgeId: string;
  judgeName: string;
  status: 'assigned' | 'recused';
  recusalReason: string | null;
  sheetStatus: SheetStatus | null;
  /** Set once the sheet is submitted. */
  total: number | null;
  divergenceExtra: boolean;
}

/** An assignment with its round and contest, as the judge's pages and the access checks read it. */
export interface AssignmentContextRow {
  id: string;
  roundId: string;
  entryId: string;
  judgeId: string;
  status: 'assigned' | 'recused';
  recusalReason: string | null;
  sheetStatus: SheetStatus | null;
  total: number | null;
  roundName: string;
  roundStatus: RoundStatus;
  roundOrder: number;
  blind: boolean;
  /** The round runs live in the hall (pitch day): the judge's page follows its stage. */
  live: boolean;
  contestId: string;
  contestName: string;
  contestOwnerId: string;
  /** False once the judge was removed from the contest's panel (closed rounds keep their assignments). */
  onPanel: boolean;
}

const ROW_SELECT = `
  SELECT a.id, a.round_id AS "roundId", a.entry_id AS "entryId", e.code AS "entryCode", e.title AS "entryTitle",
         a.judge_id AS "judgeId", u.display_name AS "judgeName", a.status, a.recusal_reason AS "recusalReason",
         s.status AS "sheetStatus", s.total, a.divergence_extra AS "divergenceExtra"
    FROM assignments a
    JOIN entries e ON e.id = a.entry_id
    JOIN users u ON u.id = a.judge_id
    LEFT JOIN score_sheets s ON s.assignment_id = a.id`;

const CONTEXT_SELECT = `
  SELECT a.id, a.round_id AS "roundId", a.entry_id AS "entryId", a.judge_id AS "judgeId", a.status,
         a.recusal_reason AS "recusalReason", s.status AS "sheetStatus", s.total,
         r.name AS "roundName", r.status AS "roundStatus", r."order" AS "roundOrder", r.blind,
         r.live_enabled AS live, c.id AS "contestId", c.name AS "contestName", c.owner_id AS "contestOwnerId",
         EXISTS (SELECT 1 FROM contest_judges cj WHERE cj.contest_id = c.id AND cj.user_id = a.judge_id) AS "onPanel"
    FROM assignments a
    JOIN rounds r ON r.id = a.round_id
    JOIN contests c ON c.id = r.contest_id
    JOIN entries e ON e.id = a.entry_id
    LEFT JOIN score_sheets s ON s.assignment_id = a.id`;

/** The entries a round covers (still submitted), with what conflict detection reads. */
export function loadRoundEntries(manager: EntityManager, roundId: string): Promise<ConflictEntryRow[]> {
  return manager.query(
    `SELECT e.id, e.code, e.title, e.organization, o.email AS "ownerEmail", e.members
       FROM round_entries re JOIN entries e ON e.id = re.entry_id LEFT JOIN users o ON o.id = e.owner_id
      WHERE re.round_id = $1 AND e.status = 'submitted'
      ORDER BY e.code NULLS LAST, e.created_at, e.id`,
    [roundId],
  );
}

function loadRows(manager: EntityManager, where: string, parameters: unknown[]): Promise<AssignmentRow[]> {
  return manager.query(`${ROW_SELECT} WHERE ${where} ORDER BY e.code NULLS LAST, e.created_at, u.display_name, a.id`, parameters);
}

/** Who scores what in each round. */
@Injectable()
export class AssignmentsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
  ) {}

  listForRound(roundId: string): Promise<AssignmentRow[]> {
    return loadRows(this.dataSource.manager, 'a.round_id = $1', [roundId]);
  }

  roundEntries(roundId: string): Promise<ConflictEntryRow[]> {
    return loadRoundEntries(this.dataSource.manager, roundId);
  }

  /** Every assignment of the judge, newest contest first, then by round and entry code. */
  listForJudge(judgeId: string): Promise<AssignmentContextRow[]> {
    return this.dataSource.query(
      `${CONTEXT_SELECT} WHERE a.judge_id = $1 ORDER BY c.year DESC, c.name, r."order", e.code NULLS LAST, a.id`,
      [judgeId],
    );
  }

  async findContext(assignmentId: string): Promise<AssignmentContextRow | null> {
    const rows: AssignmentContextRow[] = await this.dataSource.query(`${CONTEXT_SELECT} WHERE a.id = $1`, [assignmentId]);
    return rows[0] ?? null;
  }

  /**
   * Runs `work` in one transaction holding the round's row lock, so that two assignment runs of
   * one round (on any API instance) never both fill the same gap.
   */
  changeRound<T>(roundId: string, work: (round: JudgingRoundRef | null, changes: RoundAssignmentChanges) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const locked: unknown[] = await manager.query(`SELECT id FROM rounds WHERE id = $1 FOR UPDATE`, [roundId]);
      const round = locked.length === 0 ? null : await findRound(manager, roundId);
      return work(
        round,
        new RoundAssignmentChanges(manager, roundId, round?.contestId ?? '', (event) => this.audit.record(manager, event)),
      );
    });
  }

  /**
   * Runs `work` in one transaction holding the assignment's row lock and a share lock on its
   * round (which closing the round waits for). `current` is null when no assignment has this id.
   */
  changeAssignment<T>(
    assignmentId: string,
    work: (current: AssignmentContextRow | null, changes: AssignmentChanges) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const locked: unknown[] = await manager.query(
        `SELECT 1 FROM assignments a JOIN rounds r ON r.id = a.round_id WHERE a.id = $1 FOR UPDATE OF a FOR SHARE OF r`,
        [assignmentId],
      );
      const rows: AssignmentContextRow[] =
        locked.length === 0 ? [] : await manager.query(`${CONTEXT_SELECT} WHERE a.id = $1`, [assignmentId]);
      return work(
        rows[0] ?? null,
        new AssignmentChanges(manager, assignmentId, rows[0] ?? null, (event) => this.audit.record(manager, event)),
      );
    });
  }
}

/** Reads and writes of one round's assignments inside `AssignmentsRepository.changeRound`. */
export class RoundAssignmentChanges {
  constructor(
    /** The transaction: other areas write with it (the mail of a change). */
    readonly manager: EntityManager,
    private readonly roundId: string,
    private readonly contestId: string,
    private readonly audit: (event: AuditEventInput) => Promise<void>,
  ) {}

  entries(): Promise<ConflictEntryRow[]> {
    return loadRoundEntries(this.manager, this.roundId);
  }

  panelJudges(): Promise<ConflictJudgeRow[]> {
    return loadPanelJudges(this.manager, this.contestId);
  }

  storedConflicts(): Promise<{ judgeId: string; entryId: string }[]> {
    return loadStoredConflictPairs(this.manager, this.contestId);
  }

  current(): Promise<{ entryId: string; judgeId: string; status: 'assigned' | 'recused' }[]> {
    return this.manager.query(`SELECT entry_id AS "entryId", judge_id AS "judgeId", status FROM assignments WHERE round_id = $1`, [
      this.roundId,
    ]);
  }

  /** One set-based INSERT for every pair; pairs already assigned are skipped. Answers the new rows. */
  async insert(pairs: readonly { entryId: string; judgeId: string }[], createdBy: string): Promise<AssignmentRow[]> {
    if (pairs.length === 0) return [];
    const inserted: { id: string }[] = await this.manager.query(
      `INSERT INTO assignments (round_id, entry_id, judge_id, created_by)
       SELECT $1, p.entry_id, p.judge_id, $4 FROM unnest($2::uuid[], $3::uuid[]) AS p(entry_id, judge_id)
       ON CONFLICT (round_id, entry_id, judge_id) DO NOTHING RETURNING id`,
      [this.roundId, pairs.map((p) => p.entryId), pairs.map((p) => p.judgeId), createdBy],
    );
    if (inserted.length === 0) return [];
    const rows = await loadRows(this.manager, 'a.id = ANY($1::uuid[])', [inserted.map((r) => r.id)]);
    await this.audit({
      contestId: this.contestId,
      actorId: createdBy,
      action: 'assignment.created',
      subjectType: 'round',
      subjectId: this.roundId,
      payload: { assignments: inserted.map((r) => r.id), pairs: pairs.map((p) => [p.entryId, p.judgeId]) },
    });
    return rows;
  }
}

/** Writes of one assignment inside `AssignmentsRepository.changeAssignment`. */
export class AssignmentChanges {
  constructor(
    private readonly manager: EntityManager,
    private readonly assignmentId: string,
    private readonly current: AssignmentContextRow | null,
    private readonly audit: (event: AuditEventInput) => Promise<void>,
  ) {}

  /**
   * Marks the assignment recused and stores the judge's declared conflict, so that no later
   * assignment run gives the pair back. An organizer's conflict of the pair is kept as it is; a
   * detected one becomes the judge's declaration (it would go when the facts behind it are
   * corrected, the recusal stays).
   */
  async recuse(recusal: { contestId: string; judgeId: string; entryId: string; reason: string }): Promise<void> {
    await this.manager.query(
      `INSERT INTO conflicts (contest_id, judge_id, entry_id, source, reason, created_by)
       VALUES ($1, $2, $3, 'declared', $4, $2)
       ON CONFLICT (judge_id, entry_id) DO UPDATE SET source = 'declared', reason = excluded.reason, detail = NULL, created_by = excluded.created_by
        WHERE conflicts.source = 'detected'`,
      [recusal.contestId, recusal.judgeId, recusal.entryId, recusal.reason],
    );
    await this.manager.query(`UPDATE assignments SET status = 'recused', recusal_reason = $2, recused_at = now() WHERE id = $1`, [
      this.assignmentId,
      recusal.reason,
    ]);
    await this.audit({
      contestId: recusal.contestId,
      actorId: recusal.judgeId,
      action: 'assignment.recused',
      subjectType: 'assignment',
      subjectId: this.assignmentId,
      payload: { entryId: recusal.entryId, judgeId: recusal.judgeId, reason: recusal.reason },
    });
  }

  /** Removes the assignment with its draft sheet, if any. */
  async delete(actorId: string | null = null): Promise<void> {
    await this.manager.query(`DELETE FROM assignments WHERE id = $1`, [this.assignmentId]);
    await this.audit({
      contestId: this.current?.contestId ?? null,
      actorId,
      action: 'assignment.removed',
      subjectType: 'assignment',
      subjectId: this.assignmentId,
      payload: { entryId: this.current?.entryId ?? null, judgeId: this.current?.judgeId ?? null },
    });
  }
}
