import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditAction, RoundStatus, ScoreView, SheetStatus } from '@laurel/contracts';
import { type AuditEventInput, auditAppendShape } from './audit.repository';
import type { ConflictSourceColumn } from '../entities';
import type { DivergenceSettings } from './divergence.repository';
import { preparedRows } from './prepared';

/** Runs one statement of a sheet write, named so it can be prepared once per connection. */
type RunStatement = <T>(name: string, text: string, values: unknown[]) => Promise<T[]>;

export interface SheetRow {
  id: string;
  assignmentId: string;
  roundId: string;
  status: SheetStatus;
  comment: string | null;
  commentInternal: boolean;
  total: number | null;
  version: number;
  submittedAt: Date | null;
}

/** A stored score is the contract's (its comment kept for the organizers when `commentInternal`). */
export type ScoreRow = ScoreView;

/** A sheet's overall comment and whether the judge keeps it for the organizers. */
export interface SheetComment {
  text: string | null;
  internal: boolean;
}

export interface SheetWithScores {
  sheet: SheetRow;
  scores: ScoreRow[];
}

/** A criterion of the sheet's round, as the save checks scores against it. */
export interface SheetCriterionRow {
  id: string;
  roundId: string;
  name: string;
  description: string | null;
  weight: number;
  maxScore: number;
  position: number;
}

/** What a sheet write decides on, read in one statement under the locks `SheetsRepository.change` takes. */
/** A stored conflict as the save reads it: enough to tell the judge its kind. */
export interface StoredConflictRef {
  source: ConflictSourceColumn;
  reason: string;
}

export interface SheetWriteState {
  assignment: { id: string; roundId: string; entryId: string; judgeId: string; status: 'assigned' | 'recused'; contestId: string };
  roundStatus: RoundStatus;
  /** False once the judge was removed from the contest's panel (closed rounds keep their assignments). */
  onPanel: boolean;
  /**
   * The conflict stored for the judge and entry, if any: detected where the facts changed
   * (`recordDetectedConflicts`), declared, or added by an organizer.
   */
  storedConflict: StoredConflictRef | null;
  /** The round's divergence review settings, for the submit to pass on. */
  divergence: DivergenceSettings;
  /** The round's rubric in its order. */
  criteria: SheetCriterionRow[];
  sheet: SheetRow | null;
  /** The sheet's scores in rubric order. */
  scores: ScoreRow[];
}

/**
 * What a sheet write is told of its assignment and sheet: a state just read, or what this process
 * knows from its earlier reads and writes (the write checks all of it again: `guard`, and the
 * sheet's version). The judge is the one the write is for: a write for anyone else writes nothing.
 */
export interface SheetWriteBasis {
  assignment: Pick<SheetWriteState['assignment'], 'id' | 'roundId' | 'contestId' | 'judgeId'>;
  sheet: Pick<SheetRow, 'id' | 'version'> | null;
}

/** What a submit is told besides: the scores it totals (rubric order) and the round's divergence review settings it decided on. */
export interface SheetSubmitBasis extends SheetWriteBasis {
  sheet: Pick<SheetRow, 'id' | 'version'>;
  scores: readonly Pick<ScoreRow, 'value'>[];
  divergence: Pick<DivergenceSettings, 'panel' | 'threshold'>;
}

const SHEET_COLUMNS = `id, assignment_id AS "assignmentId", round_id AS "roundId", status, comment, comment_internal AS "commentInternal", total, version, submitted_at AS "submittedAt"`;

async function loadSheet(manager: EntityManager, assignmentId: string): Promise<SheetWithScores | null> {
  const sheets: SheetRow[] = await manager.query(`SELECT ${SHEET_COLUMNS} FROM score_sheets WHERE assignment_id = $1`, [assignmentId]);
  const [sheet] = sheets;
  if (sheet === undefined) return null;
  const scores: { criterionId: string; value: string; comment: string | null; commentInternal: boolean }[] = await manager.query(
    `SELECT s.criterion_id AS "criterionId", s.value, s.comment, s.comment_internal AS "commentInternal"
       FROM scores s JOIN criteria c ON c.id = s.criterion_id WHERE s.sheet_id = $1 ORDER BY c.position`,
    [sheet.id],
  );
  return {
    sheet,
    scores: scores.map((s) => ({
      criterionId: s.criterionId,
      value: Number(s.value),
      comment: s.comment,
      commentInternal: s.commentInternal,
    })),
  };
}

/**
 * Everything a save or a submit decides on, in one statement: the assignment and its round, the
 * stored conflict, the rubric, the sheet and its scores. No conflict detection here: it runs where
 * the judge's and the entry's facts change, and stores what it finds.
 */
const STATE_SELECT = `
  SELECT a.id, a.round_id AS "roundId", a.entry_id AS "entryId", a.judge_id AS "judgeId", a.status,
         r.contest_id AS "contestId", r.status AS "roundStatus",
         r.panel, r.divergence_threshold::float8 AS "divergenceThreshold", r.max_extra_judges AS "maxExtraJudges",
         cj.user_id IS NOT NULL AS "onPanel",
         (SELECT json_build_object('source', k.source, 'reason', k.reason) FROM conflicts k WHERE k.judge_id = a.judge_id AND k.entry_id = a.entry_id) AS "storedConflict",
         coalesce((SELECT json_agg(json_build_object('id', c.id, 'roundId', c.round_id, 'name', c.name, 'description', c.description,
                                                     'weight', c.weight, 'maxScore', c.max_score, 'position', c.position) ORDER BY c.position, c.id)
                     FROM criteria c WHERE c.round_id = a.round_id), '[]') AS criteria,
         s.id AS "sheetId", s.status AS "sheetStatus", s.comment AS "sheetComment", s.comment_internal AS "sheetCommentInternal", s.total AS "sheetTotal", s.version AS "sheetVersion",
         s.submitted_at AS "sheetSubmittedAt",
         coalesce((SELECT json_agg(json_build_object('criterionId', sc.criterion_id, 'value', sc.value, 'comment', sc.comment, 'commentInternal', sc.comment_internal) ORDER BY c.position, c.id)
                     FROM scores sc JOIN criteria c ON c.id = sc.criterion_id WHERE sc.sheet_id = s.id), '[]') AS scores
    FROM assignments a
    JOIN rounds r ON r.id = a.round_id
    LEFT JOIN contest_judges cj ON cj.contest_id = r.contest_id AND cj.user_id = a.judge_id
    LEFT JOIN score_sheets s ON s.assignment_id = a.id
   WHERE a.id = $1`;

type WriteStateRow = SheetWriteState['assignment'] & {
  roundStatus: RoundStatus;
  panel: DivergenceSettings['panel'];
  divergenceThreshold: number | null;
  maxExtraJudges: number;
  onPanel: boolean;
  storedConflict: StoredConflictRef | null;
  criteria: {
    id: string;
    roundId: string;
    name: string;
    description: string | null;
    weight: number | string;
    maxScore: number | string;
    position: number;
  }[];
  sheetId: string | null;
  sheetStatus: SheetRow['status'] | null;
  sheetComment: string | null;
  sheetCommentInternal: boolean | null;
  sheetTotal: number | null;
  sheetVersion: number | null;
  sheetSubmittedAt: Date | null;
  scores: { criterionId: string; value: number | string; comment: string | null; commentInternal: boolean }[];
};

function toWriteState(row: WriteStateRow): SheetWriteState {
  const assignment = {
    id: row.id,
    roundId: row.roundId,
    entryId: row.entryId,
    judgeId: row.judgeId,
    status: row.status,
    contestId: row.contestId,
  };
  const sheet: SheetRow | null =
    row.sheetId === null
      ? null
      : {
          id: row.sheetId,
          assignmentId: row.id,
          roundId: row.roundId,
          status: row.sheetStatus as SheetRow['status'],
          comment: row.sheetComment,
          commentInternal: row.sheetCommentInternal ?? false,
          total: row.sheetTotal,
          version: row.sheetVersion as number,
          submittedAt: row.sheetSubmittedAt,
        };
  return {
    assignment,
    roundStatus: row.roundStatus,
    onPanel: row.onPanel,
    storedConflict: row.storedConflict,
    divergence: { contestId: row.contestId, panel: row.panel, threshold: row.divergenceThreshold, maxExtraJudges: row.maxExtraJudges },
    criteria: row.criteria.map((c) => ({ ...c, weight: Number(c.weight), maxScore: Number(c.maxScore) })),
    sheet,
    scores: row.scores.map((s) => ({
      criterionId: s.criterionId,
      value: Number(s.value),
      comment: s.comment,
      commentInternal: s.commentInternal,
    })),
  };
}

/**
 * The CTE `guard`: the assignment (id in parameter `param`) of the judge in parameter `judge`, in
 * the round in parameter `round`, when it still stands (not recused, its judge on the panel, no
 * stored conflict) and its round is open, share-locked with its round so that a recusal or the
 * round's closing waits for the write that reads it. A write that requires a row of `guard` is
 * safe in a statement of its own, whatever the caller knew or assumed of the assignment.
 * `condition` adds to its WHERE clause (on `a` and `r`). Its row gives the assignment's entry.
 */
function guard(param: string, judge: string, round: string, condition = ''): string {
  return `guard AS (
           SELECT a.id, a.round_id, a.entry_id FROM assignments a JOIN rounds r ON r.id = a.round_id
            WHERE a.id = ${param}::uuid AND a.judge_id = ${judge}::uuid AND a.round_id = ${round}::uuid
              AND a.status = 'assigned' AND r.status = 'open'
              AND EXISTS (SELECT 1 FROM contest_judges cj WHERE cj.contest_id = r.contest_id AND cj.user_id = a.judge_id)
              AND NOT EXISTS (SELECT 1 FROM conflicts k WHERE k.judge_id = a.judge_id AND k.entry_id = a.entry_id)${condition}
              FOR SHARE OF a, r)`;
}

/** A save's and a submit's event takes its entry id from the `guard` row inside the statement. */
const SHEET_AUDIT_ENTRY = { entryId: 'SELECT entry_id FROM guard' };
const SAVE_AUDIT = auditAppendShape(12, 'sheet', SHEET_AUDIT_ENTRY);
const SUBMIT_AUDIT = auditAppendShape(10, 'sheet', SHEET_AUDIT_ENTRY);

/**
 * A draft save (`SheetChanges.saveDraft`): the sheet, given or created, then exactly its scores,
 * then its event; the text is built once (a judge's autosave runs it again and again).
 */
const saveStatement = (sheet: string) => `WITH ${guard('$2', '$11', '$3')},
         sheet AS (${sheet}),
         removed AS (DELETE FROM scores WHERE sheet_id IN (SELECT id FROM sheet) AND NOT (criterion_id = ANY($6::uuid[]))),
         saved AS (
           INSERT INTO scores (sheet_id, criterion_id, value, comment, comment_internal)
           SELECT sheet.id, s.criterion_id, s.value, s.comment, s.comment_internal
             FROM sheet, unnest($6::uuid[], $7::numeric[], $8::text[], $10::boolean[]) AS s(criterion_id, value, comment, comment_internal)
           ON CONFLICT (sheet_id, criterion_id) DO UPDATE SET value = excluded.value, comment = excluded.comment, comment_internal = excluded.comment_internal),
         ${SAVE_AUDIT.ctes}
       SELECT * FROM sheet`;
const SAVE_UPDATE = saveStatement(`UPDATE score_sheets SET comment = $4, comment_internal = $9, version = version + 1, updated_at = now()
          WHERE id = $1 AND assignment_id = $2::uuid AND round_id = $3::uuid AND status = 'draft' AND ($5::int IS NULL OR version = $5::int)
            AND EXISTS (SELECT 1 FROM guard)
          RETURNING ${SHEET_COLUMNS}`);
const SAVE_INSERT = saveStatement(`INSERT INTO score_sheets (id, assignment_id, round_id, comment, comment_internal)
         SELECT $1::uuid, $2::uuid, $3::uuid, $4::text, $9::boolean WHERE coalesce($5::int, 0) = 0 AND EXISTS (SELECT 1 FROM guard)
         ON CONFLICT (assignment_id) DO NOTHING RETURNING ${SHEET_COLUMNS}`);

/** A submit (`SheetChanges.submit`), its text built once. */
const SUBMIT = `WITH ${guard('$4', '$8', '$9', ` AND r.panel = $6 AND r.divergence_threshold::float8 IS NOT DISTINCT FROM $7::float8`)},
         stored AS (SELECT array_agg(sc.value ORDER BY c.position, c.id) AS score_values FROM scores sc
                      JOIN criteria c ON c.id = sc.criterion_id AND c.round_id = (SELECT round_id FROM guard)
                     WHERE sc.sheet_id = $1),
         sheet AS (
         UPDATE score_sheets SET status = 'submitted', total = $3, submitted_at = now(), version = version + 1, updated_at = now(),
                score_values = stored.score_values
           FROM stored
          WHERE id = $1 AND status = 'draft' AND version = $2 AND stored.score_values = $5::numeric[] AND EXISTS (SELECT 1 FROM guard)
          RETURNING ${SHEET_COLUMNS}),
         ${SUBMIT_AUDIT.ctes}
       SELECT * FROM sheet`;

/** Score sheets: one per assignment, one score per criterion. */
@Injectable()
export class SheetsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(assignmentId: string): Promise<SheetWithScores | null> {
    return loadSheet(this.dataSource.manager, assignmentId);
  }

  /**
   * Runs `work` in one transaction after reading, in one statement, everything the write decides
   * on (`SheetWriteState`), holding share locks on the assignment and its round. The sheet itself
   * is not locked; its writes check the version in their WHERE clause. `state` is null when no
   * assignment has this id.
   */
  change<T>(assignmentId: string, work: (state: SheetWriteState | null, changes: SheetChanges) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      // Share locks: a recusal and the round's closing wait for the write, and it waits for them.
      const rows: WriteStateRow[] = await manager.query(`${STATE_SELECT} FOR SHARE OF a, r`, [assignmentId]);
      const [row] = rows;
      const state = row === undefined ? null : toWriteState(row);
      return work(
        state,
        new SheetChanges(manager, (_name, text, values) => manager.query(text, values), assignmentId, state?.assignment ?? null),
      );
    });
  }

  /** What a save decides on, read without locks: the save's one write checks again under them. */
  async state(assignmentId: string): Promise<SheetWriteState | null> {
    const rows = await preparedRows<WriteStateRow>(this.dataSource, 'laurel_sheet_state', STATE_SELECT, [assignmentId]);
    const [row] = rows;
    return row === undefined ? null : toWriteState(row);
  }

  /**
   * A draft save as one statement on its own, outside any transaction (see `SheetChanges.saveDraft`):
   * the contest's audit chain is held only while that statement runs, not for a round trip more.
   */
  saveDraft(
    state: SheetWriteBasis,
    expectedVersion: number | null,
    comment: SheetComment,
    scores: readonly ScoreRow[],
  ): Promise<SheetRow | null> {
    return this.alone(state).saveDraft(state.sheet, expectedVersion, comment, scores);
  }

  /** A submit as one statement on its own, for a round without divergence review (see `saveDraft` and `SheetChanges.submit`). */
  submitAlone(state: SheetSubmitBasis, total: number): Promise<SheetRow | null> {
    return this.alone(state).submit(state, total);
  }

  /** Writes outside a transaction, each a prepared statement of its own (the autosave's hot path). */
  private alone(state: SheetWriteBasis): SheetChanges {
    const run: RunStatement = (name, text, values) => preparedRows(this.dataSource, name, text, values);
    return new SheetChanges(this.dataSource.manager, run, state.assignment.id, state.assignment);
  }
}

/**
 * The writes of one sheet inside the transaction `SheetsRepository.change` opened. Each is one
 * statement that changes the sheet and appends its audit event, the event only when the change
 * happened; none reads the sheet again (RETURNING gives it).
 */
export class SheetChanges {
  constructor(
    private readonly manager: EntityManager,
    private readonly run: RunStatement,
    private readonly assignmentId: string,
    private readonly assignment: SheetWriteBasis['assignment'] | null,
  ) {}

  /** The transaction, for work that must commit with the sheet (divergence review after a submit). */
  get transaction(): EntityManager {
    return this.manager;
  }

  /** The audit event of this sheet: the judge acts, in the contest the assignment belongs to. */
  private event(action: AuditAction, sheetId: string, payload: Record<string, unknown>): AuditEventInput {
    return {
      contestId: this.assignment?.contestId ?? null,
      actorId: this.assignment?.judgeId ?? null,
      action,
      subjectType: 'score_sheet',
      subjectId: sheetId,
      payload: { assignmentId: this.assignmentId, ...payload },
    };
  }

  /**
   * Saves a draft with exactly `scores` (others removed, these inserted or updated). Without a
   * `current` sheet, creates it at version 1; with one, bumps its version only if it is still a
   * draft at `expectedVersion` (any version when null). The statement writes only with a row of
   * `guard`, so it is safe on its own as well as inside `change`. Null when nothing was written:
   * the sheet was created or changed first, or the assignment or round changed since read.
   */
  async saveDraft(
    current: Pick<SheetRow, 'id'> | null,
    expectedVersion: number | null,
    comment: SheetComment,
    scores: readonly ScoreRow[],
  ): Promise<SheetRow | null> {
    const sheetId = current?.id ?? randomUUID();
    const rows = await this.run<SheetRow>(
      current ? 'laurel_sheet_save_update' : 'laurel_sheet_save_insert',
      current ? SAVE_UPDATE : SAVE_INSERT,
      [
        sheetId,
        this.assignmentId,
        this.assignment?.roundId ?? null,
        comment.text,
        expectedVersion,
        scores.map((s) => s.criterionId),
        scores.map((s) => s.value),
        scores.map((s) => s.comment),
        comment.internal,
        scores.map((s) => s.commentInternal),
        this.assignment?.judgeId ?? null,
        ...SAVE_AUDIT.params(this.event('sheet.saved', sheetId, { scores: scores.map((s) => [s.criterionId, s.value]) })),
      ],
    );
    return rows[0] ?? null;
  }

  /**
   * Locks the draft at `basis.sheet.version` as submitted with `total` and its score values in
   * rubric order (what results read), with a row of `guard`, only while its stored values are
   * exactly `basis.scores`' (so `total` is theirs) and the round's divergence review settings are
   * still `basis.divergence` (the caller decided on them whether the submit needs a review); null
   * when anything of that changed.
   */
  async submit(basis: SheetSubmitBasis, total: number): Promise<SheetRow | null> {
    const rows = await this.run<SheetRow>('laurel_sheet_submit', SUBMIT, [
      basis.sheet.id,
      basis.sheet.version,
      total,
      this.assignmentId,
      basis.scores.map((s) => s.value),
      basis.divergence.panel,
      basis.divergence.threshold,
      this.assignment?.judgeId ?? null,
      this.assignment?.roundId ?? null,
      ...SUBMIT_AUDIT.params(this.event('sheet.submitted', basis.sheet.id, { total })),
    ]);
    return rows[0] ?? null;
  }
}
