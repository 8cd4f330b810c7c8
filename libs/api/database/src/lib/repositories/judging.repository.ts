import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Answers, AttachmentKind, ContestStatus, EntryMember, FormField, PanelMode, RoundStatus } from '@laurel/contracts';
import { CriterionEntity } from '../entities';
import { returningRows } from './returning-rows';
import { type AuditEventInput, AuditRepository } from './audit.repository';
import { known } from '@laurel/domain';

/** The SQLSTATE the sheet trigger raises when a sheet or score of a round that is not open is written. */
export const ROUND_NOT_OPEN_SQLSTATE = 'LR001';

/** Whether `error` is the database refusing a sheet change because its round is not open. */
export function isRoundNotOpenError(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  return e?.code === ROUND_NOT_OPEN_SQLSTATE || e?.driverError?.code === ROUND_NOT_OPEN_SQLSTATE;
}

export interface JudgingContestRef {
  id: string;
  name: string;
  ownerId: string;
  status: ContestStatus;
}

export interface JudgingRoundRef {
  id: string;
  contestId: string;
  contestName: string;
  contestOwnerId: string;
  contestStatus: ContestStatus;
  name: string;
  order: number;
  status: RoundStatus;
  panel: PanelMode;
  judgesPerEntry: number;
  blind: boolean;
  /** Divergence review: points of T; null when off. */
  divergenceThreshold: number | null;
}

/** Every field of an entry a judge may see; which of them reach the judge is the service's call. */
export interface JudgeEntryRow {
  id: string;
  contestId: string;
  code: string | null;
  title: string;
  summary: string;
  problem: string;
  solution: string;
  market: string;
  businessModel: string;
  categoryId: string | null;
  categoryName: string | null;
  teamName: string;
  members: EntryMember[];
  organization: string | null;
  videoUrl: string | null;
  answers: Answers;
  /** The contest's form, which says which answers name the team. */
  formFields: FormField[];
}

export interface JudgeAttachmentRow {
  id: string;
  entryId: string;
  kind: AttachmentKind;
  storageKey: string;
  originalName: string;
  contentType: string;
  size: number;
  /** Size of the copy without identifying metadata, once a blind round's judge has opened the file. */
  blindSize: number | null;
}

const ROUND_SELECT = `
  SELECT r.id, r.contest_id AS "contestId", c.name AS "contestName", c.owner_id AS "contestOwnerId",
         c.status AS "contestStatus", r.name, r."order", r.status, r.panel,
         r.judges_per_entry AS "judgesPerEntry", r.blind, r.divergence_threshold::float8 AS "divergenceThreshold"
    FROM rounds r JOIN contests c ON c.id = r.contest_id`;

const ENTRY_SELECT = `
  SELECT e.id, e.contest_id AS "contestId", e.code, e.title, e.summary, e.problem, e.solution, e.market,
         e.business_model AS "businessModel", e.category_id AS "categoryId", cat.name AS "categoryName",
         e.team_name AS "teamName", e.members, e.organization, e.video_url AS "videoUrl",
         e.answers, c.form_fields AS "formFields"
    FROM entries e JOIN contests c ON c.id = e.contest_id LEFT JOIN categories cat ON cat.id = e.category_id`;

/** Contests and rounds as judging sees them, the rounds' lifecycle, and entries read for judges. */
@Injectable()
export class JudgingRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
  ) {}

  async contest(contestId: string): Promise<JudgingContestRef | null> {
    const rows: JudgingContestRef[] = await this.dataSource.query(
      `SELECT id, name, owner_id AS "ownerId", status FROM contests WHERE id = $1`,
      [contestId],
    );
    return rows[0] ?? null;
  }

  round(roundId: string): Promise<JudgingRoundRef | null> {
    return findRound(this.dataSource.manager, roundId);
  }

  /** The round's rubric in display order. */
  criteria(roundId: string): Promise<CriterionEntity[]> {
    return this.dataSource.getRepository(CriterionEntity).find({ where: { roundId }, order: { position: 'ASC' } });
  }

  async isOnPanel(contestId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM contest_judges WHERE contest_id = $1 AND user_id = $2`, [
      contestId,
      userId,
    ]);
    return rows.length > 0;
  }

  async entryOfContest(
    contestId: string,
    entryId: string,
  ): Promise<{ id: string; code: string | null; title: string; status: string } | null> {
    const rows: { id: string; code: string | null; title: string; status: string }[] = await this.dataSource.query(
      `SELECT id, code, title, status FROM entries WHERE id = $1 AND contest_id = $2`,
      [entryId, contestId],
    );
    return rows[0] ?? null;
  }

  async entries(entryIds: string[]): Promise<JudgeEntryRow[]> {
    if (entryIds.length === 0) return [];
    return this.dataSource.query(`${ENTRY_SELECT} WHERE e.id = ANY($1::uuid[]) ORDER BY e.code NULLS LAST, e.created_at`, [entryIds]);
  }

  async attachments(entryIds: string[]): Promise<JudgeAttachmentRow[]> {
    if (entryIds.length === 0) return [];
    return this.dataSource.query(
      `SELECT id, entry_id AS "entryId", kind, storage_key AS "storageKey", original_name AS "originalName",
              content_type AS "contentType", size_bytes::float8 AS size, blind_size_bytes::float8 AS "blindSize"
         FROM attachments WHERE entry_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [entryIds],
    );
  }

  /** Notes that the blind copy is stored (under the original's key with `-blind`); the first writer wins. */
  async recordBlindCopy(attachmentId: string, size: number): Promise<void> {
    await this.dataSource.query(`UPDATE attachments SET blind_size_bytes = $2 WHERE id = $1 AND blind_size_bytes IS NULL`, [
      attachmentId,
      size,
    ]);
  }

  /**
   * Runs `work` in one transaction holding the round's row lock, so that opening, closing and
   * every sheet write (which takes a share lock on the same row) see one order of events.
   */
  changeRound<T>(roundId: string, work: (round: JudgingRoundRef | null, changes: RoundLifecycle) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const locked: unknown[] = await manager.query(`SELECT id FROM rounds WHERE id = $1 FOR UPDATE`, [roundId]);
      const round = locked.length === 0 ? null : await findRound(manager, roundId);
      return work(round, new RoundLifecycle(manager, roundId, (event) => this.audit.record(manager, event)));
    });
  }
}

/** The writes of a round's lifecycle inside the transaction `JudgingRepository.changeRound` opened. */
export class RoundLifecycle {
  constructor(
    /** The transaction: other areas write with it (the mail of a change). */
    readonly manager: EntityManager,
    private readonly roundId: string,
    private readonly audit: (event: AuditEventInput) => Promise<void>,
  ) {}

  /** The round with the next lower order in the same contest, if any. */
  async previousRound(): Promise<{ id: string; name: string; status: RoundStatus } | null> {
    const rows: { id: string; name: string; status: RoundStatus }[] = await this.manager.query(
      `SELECT p.id, p.name, p.status FROM rounds r JOIN rounds p ON p.contest_id = r.contest_id AND p."order" < r."order"
        WHERE r.id = $1 ORDER BY p."order" DESC LIMIT 1`,
      [this.roundId],
    );
    return rows[0] ?? null;
  }

  async criteriaCount(): Promise<number> {
    const [counted]: { count: number }[] = await this.manager.query(`SELECT count(*)::int AS count FROM criteria WHERE round_id = $1`, [
      this.roundId,
    ]);
    return known(counted, 'the criteria count').count;
  }

  /** The first round covers every submitted entry screened eligible; answers how many it now covers. */
  async coverEligibleEntries(): Promise<number> {
    await this.manager.query(
      `INSERT INTO round_entries (round_id, entry_id)
       SELECT r.id, e.id FROM rounds r JOIN entries e ON e.contest_id = r.contest_id
        WHERE r.id = $1 AND e.status = 'submitted' AND e.eligibility = 'eligible'
       ON CONFLICT DO NOTHING`,
      [this.roundId],
    );
    return this.entryCount();
  }

  /** A later round covers the still-submitted entries the previous round advanced. */
  async coverAdvancedEntries(previousRoundId: string): Promise<number> {
    await this.manager.query(
      `INSERT INTO round_entries (round_id, entry_id)
       SELECT $1, re.entry_id FROM round_entries re JOIN entries e ON e.id = re.entry_id
        WHERE re.round_id = $2 AND re.outcome = 'advanced' AND e.status = 'submitted'
       ON CONFLICT DO NOTHING`,
      [this.roundId, previousRoundId],
    );
    return this.entryCount();
  }

  async entryCount(): Promise<number> {
    const [counted]: { count: number }[] = await this.manager.query(
      `SELECT count(*)::int AS count FROM round_entries WHERE round_id = $1`,
      [this.roundId],
    );
    return known(counted, 'the round entry count').count;
  }

  /** Changes the round's status and writes the audit event in the same transaction. */
  async setStatus(status: 'open' | 'closed', actorId: string | null = null): Promise<void> {
    const [round] = await returningRows<{ contest_id: string; name: string }>(
      this.manager,
      `UPDATE rounds SET status = $2 WHERE id = $1 RETURNING contest_id, name`,
      [this.roundId, status],
    );
    await this.audit({
      contestId: round?.contest_id ?? null,
      actorId,
      action: status === 'open' ? 'round.opened' : 'round.closed',
      subjectType: 'round',
      subjectId: this.roundId,
      payload: { name: round?.name ?? null, status },
    });
  }

  reload(): Promise<JudgingRoundRef> {
    return findRound(this.manager, this.roundId) as Promise<JudgingRoundRef>;
  }
}

export async function findRound(manager: EntityManager, roundId: string): Promise<JudgingRoundRef | null> {
  const rows: JudgingRoundRef[] = await manager.query(`${ROUND_SELECT} WHERE r.id = $1`, [roundId]);
  return rows[0] ?? null;
}
