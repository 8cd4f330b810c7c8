import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { RoundStatus } from '@laurel/contracts';
import { type AuditEventInput, AuditRepository } from './audit.repository';
import { returningRows } from './returning-rows';

export interface SheetRow {
  id: string;
  assignmentId: string;
  roundId: string;
  status: 'draft' | 'submitted';
  comment: string | null;
  total: number | null;
  version: number;
  submittedAt: Date | null;
}

export interface ScoreRow {
  criterionId: string;
  value: number;
  comment: string | null;
}

export interface SheetWithScores {
  sheet: SheetRow;
  scores: ScoreRow[];
}

/** What a sheet write decides on, read under the locks `SheetsRepository.change` takes. */
export interface SheetWriteState {
  assignment: { id: string; roundId: string; entryId: string; judgeId: string; status: 'assigned' | 'recused'; contestId: string };
  roundStatus: RoundStatus;
  /** A declared or organizer conflict is stored for the judge and entry. */
  storedConflict: boolean;
  sheet: SheetRow | null;
  scores: ScoreRow[];
}

const SHEET_COLUMNS = `id, assignment_id AS "assignmentId", round_id AS "roundId", status, comment, total, version, submitted_at AS "submittedAt"`;

async function loadSheet(manager: EntityManager, assignmentId: string): Promise<SheetWithScores | null> {
  const sheets: SheetRow[] = await manager.query(`SELECT ${SHEET_COLUMNS} FROM score_sheets WHERE assignment_id = $1`, [assignmentId]);
  if (sheets.length === 0) return null;
  const scores: { criterionId: string; value: string; comment: string | null }[] = await manager.query(
    `SELECT s.criterion_id AS "criterionId", s.value, s.comment
       FROM scores s JOIN criteria c ON c.id = s.criterion_id WHERE s.sheet_id = $1 ORDER BY c.position`,
    [sheets[0].id],
  );
  return { sheet: sheets[0], scores: scores.map((s) => ({ criterionId: s.criterionId, value: Number(s.value), comment: s.comment })) };
}

/** Score sheets: one per assignment, one score per criterion. */
@Injectable()
export class SheetsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
  ) {}

  find(assignmentId: string): Promise<SheetWithScores | null> {
    return loadSheet(this.dataSource.manager, assignmentId);
  }

  /**
   * Runs `work` in one transaction holding share locks on the assignment and its round: a
   * recusal and the round's closing wait for it, and it waits for them. The sheet itself is not
   * locked; its writes check the version in their WHERE clause. `state` is null when no
   * assignment has this id.
   */
  change<T>(assignmentId: string, work: (state: SheetWriteState | null, changes: SheetChanges) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const rows: (SheetWriteState['assignment'] & { roundStatus: RoundStatus })[] = await manager.query(
        `SELECT a.id, a.round_id AS "roundId", a.entry_id AS "entryId", a.judge_id AS "judgeId", a.status,
                r.contest_id AS "contestId", r.status AS "roundStatus"
           FROM assignments a JOIN rounds r ON r.id = a.round_id WHERE a.id = $1 FOR SHARE OF a, r`,
        [assignmentId],
      );
      const audit = (event: AuditEventInput) => this.audit.record(manager, event);
      if (rows.length === 0) return work(null, new SheetChanges(manager, assignmentId, null, audit));
      const { roundStatus, ...assignment } = rows[0];
      const conflicts: unknown[] = await manager.query(`SELECT 1 FROM conflicts WHERE judge_id = $1 AND entry_id = $2`, [
        assignment.judgeId,
        assignment.entryId,
      ]);
      const current = await loadSheet(manager, assignmentId);
      return work(
        { assignment, roundStatus, storedConflict: conflicts.length > 0, sheet: current?.sheet ?? null, scores: current?.scores ?? [] },
        new SheetChanges(manager, assignmentId, assignment, audit),
      );
    });
  }
}

/** The writes of one sheet inside the transaction `SheetsRepository.change` opened. */
export class SheetChanges {
  constructor(
    private readonly manager: EntityManager,
    private readonly assignmentId: string,
    private readonly assignment: SheetWriteState['assignment'] | null,
    private readonly audit: (event: AuditEventInput) => Promise<void>,
  ) {}

  /** The transaction, for work that must commit with the sheet (divergence review after a submit). */
  get transaction(): EntityManager {
    return this.manager;
  }

  /** Audit events of this sheet: the judge acts, in the contest the assignment belongs to. */
  private record(action: string, sheetId: string, payload: Record<string, unknown>): Promise<void> {
    return this.audit({
      contestId: this.assignment?.contestId ?? null,
      actorId: this.assignment?.judgeId ?? null,
      action,
      subjectType: 'score_sheet',
      subjectId: sheetId,
      payload: { assignmentId: this.assignmentId, entryId: this.assignment?.entryId ?? null, ...payload },
    });
  }

  /** The first save: a draft at version 1; null when another request created the sheet first. */
  async createDraft(roundId: string, comment: string | null): Promise<SheetRow | null> {
    const rows: SheetRow[] = await this.manager.query(
      `INSERT INTO score_sheets (assignment_id, round_id, comment) VALUES ($1, $2, $3)
       ON CONFLICT (assignment_id) DO NOTHING RETURNING ${SHEET_COLUMNS}`,
      [this.assignmentId, roundId, comment],
    );
    return rows[0] ?? null;
  }

  /**
   * Bumps the draft's version and sets its comment, only if it is still a draft at
   * `expectedVersion` (any version when null); null when it is not.
   */
  async updateDraft(sheetId: string, expectedVersion: number | null, comment: string | null): Promise<SheetRow | null> {
    const rows = await returningRows<SheetRow>(
      this.manager,
      `UPDATE score_sheets SET comment = $3, version = version + 1, updated_at = now()
        WHERE id = $1 AND status = 'draft' AND ($2::int IS NULL OR version = $2::int) RETURNING ${SHEET_COLUMNS}`,
      [sheetId, expectedVersion, comment],
    );
    return rows[0] ?? null;
  }

  /** Makes the sheet's scores exactly `scores`: others are removed, these inserted or updated. */
  async replaceScores(sheetId: string, scores: readonly ScoreRow[]): Promise<void> {
    const ids = scores.map((s) => s.criterionId);
    await this.manager.query(`DELETE FROM scores WHERE sheet_id = $1 AND NOT (criterion_id = ANY($2::uuid[]))`, [sheetId, ids]);
    if (scores.length === 0) return;
    await this.manager.query(
      `INSERT INTO scores (sheet_id, criterion_id, value, comment)
       SELECT $1, s.criterion_id, s.value, s.comment FROM unnest($2::uuid[], $3::numeric[], $4::text[]) AS s(criterion_id, value, comment)
       ON CONFLICT (sheet_id, criterion_id) DO UPDATE SET value = excluded.value, comment = excluded.comment`,
      [sheetId, ids, scores.map((s) => s.value), scores.map((s) => s.comment)],
    );
    await this.record('sheet.saved', sheetId, { scores: scores.map((s) => [s.criterionId, s.value]) });
  }

  /** Locks the draft at `expectedVersion` as submitted with its total; null when it is not that draft. */
  async submit(sheetId: string, expectedVersion: number, total: number): Promise<SheetRow | null> {
    const rows = await returningRows<SheetRow>(
      this.manager,
      `UPDATE score_sheets SET status = 'submitted', total = $3, submitted_at = now(), version = version + 1, updated_at = now()
        WHERE id = $1 AND status = 'draft' AND version = $2 RETURNING ${SHEET_COLUMNS}`,
      [sheetId, expectedVersion, total],
    );
    if (rows[0]) await this.record('sheet.submitted', sheetId, { total });
    return rows[0] ?? null;
  }

  /** The sheet as this transaction now sees it. */
  reload(): Promise<SheetWithScores | null> {
    return loadSheet(this.manager, this.assignmentId);
  }
}
