import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { EntryMember } from '@laurel/contracts';
import type { ConflictSourceColumn } from '../entities';
import { AuditRepository } from './audit.repository';
import { type ChangedFacts, type DetectedConflictChanges, recordDetectedConflicts } from './conflict-recording';
import { returningRows } from './returning-rows';

/** A panel judge as conflict detection reads them. */
export interface ConflictJudgeRow {
  id: string;
  email: string;
  displayName: string;
  /** The organization given for this contest, else the account's. */
  organization: string | null;
}

/** An entry as conflict detection reads it. */
export interface ConflictEntryRow {
  id: string;
  code: string | null;
  title: string;
  organization: string | null;
  ownerEmail: string | null;
  members: EntryMember[];
}

export interface StoredConflictRow {
  id: string;
  contestId: string;
  source: ConflictSourceColumn;
  judgeId: string;
  judgeName: string;
  entryId: string;
  entryCode: string | null;
  entryTitle: string;
  reason: string;
  detail: string | null;
  createdAt: Date;
}

export type OrganizerConflictResult = { added: true; id: string; removedAssignments: number } | { added: false };

/** The contest's panel, for conflict detection and assignment. */
export function loadPanelJudges(manager: EntityManager, contestId: string, judgeIds?: string[]): Promise<ConflictJudgeRow[]> {
  return manager.query(
    `SELECT u.id, u.email, u.display_name AS "displayName", coalesce(cj.organization, u.organization) AS organization
       FROM contest_judges cj JOIN users u ON u.id = cj.user_id
      WHERE cj.contest_id = $1 AND ($2::uuid[] IS NULL OR u.id = ANY($2::uuid[]))
      ORDER BY u.display_name, u.id`,
    [contestId, judgeIds ?? null],
  );
}

/** Entries of the contest with what conflicts are detected from: all submitted ones, or those listed. */
export function loadConflictEntries(manager: EntityManager, contestId: string, entryIds?: string[]): Promise<ConflictEntryRow[]> {
  return manager.query(
    `SELECT e.id, e.code, e.title, e.organization, o.email AS "ownerEmail", e.members
       FROM entries e LEFT JOIN users o ON o.id = e.owner_id
      WHERE e.contest_id = $1 AND (CASE WHEN $2::uuid[] IS NULL THEN e.status = 'submitted' ELSE e.id = ANY($2::uuid[]) END)
      ORDER BY e.code NULLS LAST, e.created_at, e.id`,
    [contestId, entryIds ?? null],
  );
}

/** Every stored conflict pair of the contest (declared and organizer-added). */
export function loadStoredConflictPairs(manager: EntityManager, contestId: string): Promise<{ judgeId: string; entryId: string }[]> {
  return manager.query(`SELECT judge_id AS "judgeId", entry_id AS "entryId" FROM conflicts WHERE contest_id = $1`, [contestId]);
}

const STORED_SELECT = `
  SELECT c.id, c.contest_id AS "contestId", c.source, c.judge_id AS "judgeId", u.display_name AS "judgeName",
         c.entry_id AS "entryId", e.code AS "entryCode", e.title AS "entryTitle", c.reason, c.detail, c.created_at AS "createdAt"
    FROM conflicts c JOIN users u ON u.id = c.judge_id JOIN entries e ON e.id = c.entry_id`;

/** Conflicts of interest as stored, and what detection reads. */
@Injectable()
export class ConflictsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
  ) {}

  panelJudges(contestId: string, judgeIds?: string[]): Promise<ConflictJudgeRow[]> {
    return loadPanelJudges(this.dataSource.manager, contestId, judgeIds);
  }

  entries(contestId: string, entryIds?: string[]): Promise<ConflictEntryRow[]> {
    return loadConflictEntries(this.dataSource.manager, contestId, entryIds);
  }

  /**
   * Detection where the facts change, inside the transaction that changed them: stores the
   * conflicts that appeared and removes the detected ones that went (`recordDetectedConflicts`).
   */
  recordDetected(manager: EntityManager, changed: ChangedFacts, actorId: string): Promise<DetectedConflictChanges> {
    return recordDetectedConflicts(manager, changed, actorId);
  }

  listStored(contestId: string): Promise<StoredConflictRow[]> {
    return this.dataSource.query(`${STORED_SELECT} WHERE c.contest_id = $1 ORDER BY c.created_at, c.id`, [contestId]);
  }

  async findStored(id: string): Promise<StoredConflictRow | null> {
    const rows: StoredConflictRow[] = await this.dataSource.query(`${STORED_SELECT} WHERE c.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async isStored(judgeId: string, entryId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM conflicts WHERE judge_id = $1 AND entry_id = $2`, [
      judgeId,
      entryId,
    ]);
    return rows.length > 0;
  }

  /**
   * Records an organizer's conflict and, in the same transaction, removes the pair's assignments
   * that have no submitted sheet in rounds not yet closed (a draft goes with its assignment).
   * Nothing changes when the pair already has a stored conflict.
   */
  addByOrganizer(conflict: {
    contestId: string;
    judgeId: string;
    entryId: string;
    reason: string;
    createdBy: string;
  }): Promise<OrganizerConflictResult> {
    return this.dataSource.transaction(async (manager) => {
      const [inserted]: { id: string }[] = await manager.query(
        `INSERT INTO conflicts (contest_id, judge_id, entry_id, source, reason, created_by)
         VALUES ($1, $2, $3, 'organizer', $4, $5) ON CONFLICT (judge_id, entry_id) DO NOTHING RETURNING id`,
        [conflict.contestId, conflict.judgeId, conflict.entryId, conflict.reason, conflict.createdBy],
      );
      if (inserted === undefined) return { added: false };
      const removed = await returningRows(
        manager,
        `DELETE FROM assignments a USING rounds r
          WHERE a.round_id = r.id AND r.contest_id = $1 AND r.status <> 'closed' AND a.judge_id = $2 AND a.entry_id = $3
            AND NOT EXISTS (SELECT 1 FROM score_sheets s WHERE s.assignment_id = a.id AND s.status = 'submitted')
          RETURNING a.id`,
        [conflict.contestId, conflict.judgeId, conflict.entryId],
      );
      await this.audit.record(manager, {
        contestId: conflict.contestId,
        actorId: conflict.createdBy,
        action: 'conflict.added',
        subjectType: 'conflict',
        subjectId: inserted.id,
        payload: { judgeId: conflict.judgeId, entryId: conflict.entryId, reason: conflict.reason, removedAssignments: removed.length },
      });
      return { added: true, id: inserted.id, removedAssignments: removed.length };
    });
  }

  /** Removes an organizer's conflict, with its audit event in the same transaction (conflicts steer assignment). */
  async delete(id: string, actorId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [removed] = await returningRows<{ contest_id: string; judge_id: string; entry_id: string }>(
        manager,
        `DELETE FROM conflicts WHERE id = $1 RETURNING contest_id, judge_id, entry_id`,
        [id],
      );
      if (removed === undefined) return;
      await this.audit.record(manager, {
        contestId: removed.contest_id,
        actorId,
        action: 'conflict.removed',
        subjectType: 'conflict',
        subjectId: id,
        payload: { judgeId: removed.judge_id, entryId: removed.entry_id },
      });
    });
  }
}
