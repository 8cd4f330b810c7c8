import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ServerTiming } from '@laurel/api-core';
import type {
  AggregationMethod,
  ContestStatus,
  PanelMode,
  PublicVoteSettings,
  RankBy,
  ResultCriterionView,
  RoundOutcome,
  RoundResultsView,
  RoundStatus,
  ScoreView,
  SheetStatus,
} from '@laurel/contracts';

/** A round with what results need of it and of its contest. */
export interface ResultsRound {
  id: string;
  contestId: string;
  name: string;
  order: number;
  status: RoundStatus;
  panel: PanelMode;
  blind: boolean;
  aggregation: AggregationMethod;
  trim: number;
  minSheetsForNormalization: number;
  rankBy: RankBy;
  priorityCriteria: string[];
  spreadThreshold: number;
  divergenceThreshold: number | null;
  judgesPerEntry: number;
  /** The contest's public vote; it blends into this round's ranking when its roundId is this round. */
  publicVote: PublicVoteSettings | null;
  ownerId: string;
  contestStatus: ContestStatus;
}

export type ResultsCriterion = ResultCriterionView;

export interface ResultsEntry {
  entryId: string;
  code: string | null;
  title: string;
  teamName: string;
  categoryId: string | null;
  eligible: boolean;
  outcome: 'pending' | 'advanced' | 'eliminated';
}

/**
 * A submitted sheet of an assignment not recused: the values its submit stored, as one text in
 * rubric order (`1.00,7.50,10.00`), null when it has no score at all.
 */
export interface RoundSheetRow {
  entryId: string;
  judgeId: string;
  values: string | null;
}

/** An entry the round covers (not withdrawn), with its panel and, in the vote's round, its counted votes. */
export interface RoundEntryRow extends ResultsEntry {
  /** Assignments not recused, and those recused. */
  assigned: number;
  recused: number;
  /** Judges divergence review added, in the order they were added; null when none. */
  extra: string[] | null;
  /** Counted public votes; only read in the round that holds the contest's vote. */
  votes?: number;
}

/** The rows one round's ranking is computed from, read in one snapshot of the database. */
export interface RoundRows {
  criteria: ResultsCriterion[];
  /** The round's judges and their names. */
  judges: { id: string; name: string }[];
  entries: RoundEntryRow[];
  sheets: RoundSheetRow[];
}

/** A judge's assignment to one entry of a round, with the sheet it has (if any). */
export interface EntryAssignmentRow {
  assignmentId: string;
  judgeId: string;
  judgeName: string;
  assignmentStatus: 'assigned' | 'recused';
  recusalReason: string | null;
  sheetId: string | null;
  sheetStatus: SheetStatus | null;
  total: number | null;
  submittedAt: string | null;
  comment: string | null;
  commentInternal: boolean | null;
}

export type SheetScoreRow = ScoreView & { sheetId: string };

/** A closed round's stored results and when they were stored. */
export interface StoredSnapshot {
  payload: RoundResultsView;
  createdAt: Date;
}

const ROUND_SELECT = `
  SELECT r.id, r.contest_id AS "contestId", r.name, r."order", r.status, r.panel, r.blind, r.aggregation, r.trim,
         r.min_sheets_for_normalization AS "minSheetsForNormalization", r.rank_by AS "rankBy",
         r.priority_criteria::text[] AS "priorityCriteria", r.spread_threshold::float8 AS "spreadThreshold",
         r.divergence_threshold::float8 AS "divergenceThreshold", r.judges_per_entry AS "judgesPerEntry",
         c.owner_id AS "ownerId", c.status AS "contestStatus", c.public_vote AS "publicVote"
    FROM rounds r JOIN contests c ON c.id = r.contest_id`;

/**
 * The SQL of round results: the rows a ranking is computed from, in a fixed number of statements
 * whatever the size of the round, the snapshots of closed rounds, and advancement's writes.
 * Computing, mapping and the snapshot policy are the results service's (`@laurel/api-round-results`).
 */
@Injectable()
export class ResultsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findRound(roundId: string, manager: EntityManager = this.dataSource.manager): Promise<ResultsRound | null> {
    const rows: ResultsRound[] = await manager.query(`${ROUND_SELECT} WHERE r.id = $1`, [roundId]);
    return rows[0] ?? null;
  }

  /** Rounds of a contest, lowest order first. */
  async contestRounds(contestId: string, manager: EntityManager = this.dataSource.manager): Promise<ResultsRound[]> {
    return manager.query(`${ROUND_SELECT} WHERE r.contest_id = $1 ORDER BY r."order"`, [contestId]);
  }

  /**
   * The round's rows in five statements, whatever the number of entries, in one read-only
   * snapshot of the database (unless the caller's transaction is given): its start, the rubric
   * with the judges' names, the entries with the size of each one's panel, every submitted sheet
   * with its values, the commit. Each statement is timed as `sql`.
   */
  roundRows(roundId: string, voteRound: boolean, manager?: EntityManager, timing = new ServerTiming()): Promise<RoundRows> {
    if (manager) return readRoundRows(manager, roundId, voteRound, timing);
    return inReadOnlySnapshot(this.dataSource, timing, (tx) => readRoundRows(tx, roundId, voteRound, timing));
  }

  /** The stored results of a closed round, if any. */
  async findSnapshot(roundId: string, manager: EntityManager = this.dataSource.manager): Promise<StoredSnapshot | null> {
    const rows: StoredSnapshot[] = await manager.query(
      `SELECT payload, created_at AS "createdAt" FROM results_snapshots WHERE round_id = $1`,
      [roundId],
    );
    return rows[0] ?? null;
  }

  /**
   * Stores a closed round's results unless another request stored them first: answers when it
   * stored them, or null when a snapshot was already there (read it then).
   */
  async insertSnapshot(
    roundId: string,
    payload: Omit<RoundResultsView, 'snapshotAt'>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Date | null> {
    const rows: { createdAt: Date }[] = await manager.query(
      `INSERT INTO results_snapshots (round_id, payload) VALUES ($1, $2::jsonb)
       ON CONFLICT (round_id) DO NOTHING
       RETURNING created_at AS "createdAt"`,
      [roundId, JSON.stringify(payload)],
    );
    return rows[0]?.createdAt ?? null;
  }

  /** Entries of the round marked advanced or eliminated. */
  outcomes(roundId: string, manager: EntityManager = this.dataSource.manager): Promise<{ entryId: string; outcome: RoundOutcome }[]> {
    return manager.query(`SELECT entry_id AS "entryId", outcome FROM round_entries WHERE round_id = $1 AND outcome <> 'pending'`, [
      roundId,
    ]);
  }

  /** The entry's code and title when the round covers it or has assigned it; null otherwise. */
  async entryOfRound(
    round: Pick<ResultsRound, 'id' | 'contestId'>,
    entryId: string,
  ): Promise<{ code: string | null; title: string } | null> {
    const rows: { code: string | null; title: string }[] = await this.dataSource.query(
      `SELECT e.code, e.title FROM entries e
        WHERE e.id = $1 AND e.contest_id = $2
          AND (EXISTS (SELECT 1 FROM round_entries re WHERE re.round_id = $3 AND re.entry_id = e.id)
               OR EXISTS (SELECT 1 FROM assignments a WHERE a.round_id = $3 AND a.entry_id = e.id))`,
      [entryId, round.contestId, round.id],
    );
    return rows[0] ?? null;
  }

  /** The round's criteria in rubric order. */
  criteria(roundId: string): Promise<ResultsCriterion[]> {
    return this.dataSource.query(
      `SELECT id, name, weight::float8 AS weight, max_score::float8 AS "maxScore" FROM criteria WHERE round_id = $1 ORDER BY position, name`,
      [roundId],
    );
  }

  /** Every assignment of one entry in the round with its sheet, by judge name. */
  entryAssignments(roundId: string, entryId: string): Promise<EntryAssignmentRow[]> {
    return this.dataSource.query(
      `SELECT a.id AS "assignmentId", a.judge_id AS "judgeId", u.display_name AS "judgeName", a.status AS "assignmentStatus",
              a.recusal_reason AS "recusalReason", s.id AS "sheetId", s.status AS "sheetStatus", s.total::float8 AS total,
              to_char(s.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "submittedAt",
              s.comment, s.comment_internal AS "commentInternal"
         FROM assignments a JOIN users u ON u.id = a.judge_id LEFT JOIN score_sheets s ON s.assignment_id = a.id
        WHERE a.round_id = $1 AND a.entry_id = $2
        ORDER BY u.display_name, a.id`,
      [roundId, entryId],
    );
  }

  /** The scores of the given sheets. */
  sheetScores(sheetIds: string[]): Promise<SheetScoreRow[]> {
    return this.dataSource.query(
      `SELECT sheet_id AS "sheetId", criterion_id AS "criterionId", value::float8 AS value, comment, comment_internal AS "commentInternal"
         FROM scores WHERE sheet_id = ANY($1::uuid[])`,
      [sheetIds],
    );
  }

  /** Entries of the round the organizer screened out (eligibility can change after a snapshot). */
  async ineligibleEntries(roundId: string, manager: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    const rows: { id: string }[] = await manager.query(
      `SELECT e.id FROM round_entries re JOIN entries e ON e.id = re.entry_id WHERE re.round_id = $1 AND e.eligibility = 'ineligible'`,
      [roundId],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Submitted and expected sheets of a round (assignments not recused). */
  async sheetProgress(
    roundId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ submittedSheets: number; expectedSheets: number }> {
    const rows: { submitted: number; expected: number }[] = await manager.query(
      `SELECT count(*) FILTER (WHERE ss.status = 'submitted')::int AS submitted, count(*)::int AS expected
         FROM assignments a LEFT JOIN score_sheets ss ON ss.assignment_id = a.id
        WHERE a.round_id = $1 AND a.status = 'assigned'`,
      [roundId],
    );
    return { submittedSheets: rows[0]?.submitted ?? 0, expectedSheets: rows[0]?.expected ?? 0 };
  }

  /** Runs `work` in one transaction (advancement). */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Serializes advancement of one round; answers the round as the lock found it. */
  async lockRound(roundId: string, manager: EntityManager): Promise<ResultsRound | null> {
    await manager.query(`SELECT 1 FROM rounds WHERE id = $1 FOR UPDATE`, [roundId]);
    return this.findRound(roundId, manager);
  }

  /**
   * Marks every entry of `roundId` advanced or eliminated and makes the next round cover exactly
   * the advanced ones. In the caller's transaction.
   */
  async applyAdvancement(manager: EntityManager, roundId: string, nextRoundId: string, advanced: string[]): Promise<number> {
    const marked: { eliminated: number }[] = await manager.query(
      `WITH marked AS (
         UPDATE round_entries SET outcome = CASE WHEN entry_id = ANY($2::uuid[]) THEN 'advanced' ELSE 'eliminated' END
          WHERE round_id = $1 RETURNING outcome)
       SELECT count(*) FILTER (WHERE outcome = 'eliminated')::int AS eliminated FROM marked`,
      [roundId, advanced],
    );
    await manager.query(`DELETE FROM round_entries WHERE round_id = $1 AND NOT (entry_id = ANY($2::uuid[]))`, [nextRoundId, advanced]);
    await manager.query(
      `INSERT INTO round_entries (round_id, entry_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT (round_id, entry_id) DO NOTHING`,
      [nextRoundId, advanced],
    );
    return marked[0]?.eliminated ?? 0;
  }
}

/**
 * Runs `work` in a transaction that sees one snapshot and writes nothing, started in one
 * statement (TypeORM's transaction with an isolation level takes three before the first read).
 */
async function inReadOnlySnapshot<T>(
  dataSource: DataSource,
  timing: ServerTiming,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await timing.measure('sql', () => runner.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY'));
    const result = await work(runner.manager);
    await timing.measure('sql', () => runner.query('COMMIT'));
    return result;
  } catch (error) {
    await runner.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

async function readRoundRows(manager: EntityManager, roundId: string, voteRound: boolean, timing: ServerTiming): Promise<RoundRows> {
  const sql = <T>(text: string, params: unknown[]): Promise<T> => timing.measure('sql', () => manager.query(text, params));
  // The rubric in its order and the names of the round's judges, as JSON in one row.
  const rubric: { criteria: ResultsCriterion[]; judges: { id: string; name: string }[] }[] = await sql(
    `SELECT coalesce((SELECT json_agg(json_build_object('id', c.id, 'name', c.name, 'weight', c.weight::float8, 'maxScore', c.max_score::float8)
                                      ORDER BY c.position, c.id)
                        FROM criteria c WHERE c.round_id = $1), '[]') AS criteria,
            coalesce((SELECT json_agg(json_build_object('id', u.id, 'name', u.display_name))
                        FROM users u WHERE u.id IN (SELECT a.judge_id FROM assignments a WHERE a.round_id = $1)), '[]') AS judges`,
    [roundId],
  );
  // Per entry: its assigned and recused judges, the judges divergence review added, in order, and
  // in the round of the contest's public vote its counted votes (confirmed, not voided; one
  // indexed aggregate joined here, so a vote round reads no more statements than another).
  const entries: RoundEntryRow[] = await sql(
    `SELECT re.entry_id AS "entryId", e.code, e.title, e.team_name AS "teamName", e.category_id AS "categoryId",
            e.eligibility <> 'ineligible' AS eligible, re.outcome,
            coalesce(p.assigned, 0) AS assigned, coalesce(p.recused, 0) AS recused, p.extra${voteRound ? ', coalesce(v.votes, 0) AS votes' : ''}
       FROM round_entries re
       JOIN entries e ON e.id = re.entry_id
       LEFT JOIN (SELECT entry_id, count(*) FILTER (WHERE status = 'assigned')::int AS assigned,
                         count(*) FILTER (WHERE status = 'recused')::int AS recused,
                         array_agg(judge_id::text ORDER BY created_at, judge_id) FILTER (WHERE divergence_extra) AS extra
                    FROM assignments WHERE round_id = $1 GROUP BY entry_id) p ON p.entry_id = re.entry_id${
                      voteRound
                        ? `
       LEFT JOIN (SELECT entry_id, count(*)::int AS votes FROM votes
                   WHERE round_id = $1 AND confirmed_at IS NOT NULL AND voided_at IS NULL GROUP BY entry_id) v ON v.entry_id = re.entry_id`
                        : ''
                    }
      WHERE re.round_id = $1 AND e.status <> 'withdrawn'`,
    [roundId],
  );
  // One row per submitted sheet of an assignment not recused, with its values as one short text
  // in rubric order: the array the submit stored on the sheet (no aggregate of score rows per
  // sheet), so 500,000 scores arrive as 50,000 rows and no object keyed by criterion id is built
  // per sheet. In the domain's canonical order (entry, then judge: a uuid sorts as its text does),
  // which the domain then checks in one pass instead of sorting 50,000 sheets itself.
  const sheets: RoundSheetRow[] = await sql(
    `SELECT a.entry_id AS "entryId", a.judge_id AS "judgeId", nullif(array_to_string(ss.score_values, ','), '') AS values
       FROM score_sheets ss
       JOIN assignments a ON a.id = ss.assignment_id AND a.round_id = ss.round_id AND a.status = 'assigned'
      WHERE ss.round_id = $1 AND ss.status = 'submitted'
      ORDER BY a.entry_id, a.judge_id`,
    [roundId],
  );
  const [{ criteria, judges } = { criteria: [], judges: [] }] = rubric;
  return { criteria, judges, entries, sheets };
}
