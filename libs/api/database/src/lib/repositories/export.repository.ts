import type { Answers } from '@laurel/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { known } from '@laurel/domain';

/** One row of a round's `Scores` sheet: one criterion of one submitted sheet. */
export interface ScoreExportRow {
  code: string | null;
  title: string;
  teamName: string;
  judgeName: string;
  criterionName: string;
  maxScore: number;
  value: number;
  comment: string | null;
  sheetComment: string | null;
  submittedAt: Date;
}

export interface JudgeRoundStats {
  roundId: string;
  judgeId: string;
  name: string;
  organization: string | null;
  assigned: number;
  submitted: number;
  recused: number;
}

export interface ContestCounts {
  entriesByStatus: Record<string, number>;
  eligibility: Record<string, number>;
  judges: number;
}

export interface JudgeAssignmentRow {
  judgeId: string;
  judgeName: string;
  organization: string | null;
  code: string | null;
  title: string;
  teamName: string;
}

/** The reads of the workbooks; the big one streams from a server-side cursor. */
@Injectable()
export class ExportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One read-only transaction over one snapshot of the database for a whole workbook. */
  readOnly<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      return work(manager);
    });
  }

  /**
   * The round's scores, entry by entry (by code), judge by judge, criterion by criterion, in
   * batches from a cursor: the rows are never all in memory. Needs the transaction of `readOnly`.
   */
  async *scoreRows(manager: EntityManager, roundId: string, batchSize = 500): AsyncGenerator<ScoreExportRow[]> {
    // The name is built from hex digits only (a parsed UUID), never from request text.
    const cursor = `scores_${roundId.replace(/[^0-9a-f]/gi, '')}`;
    await manager.query(
      `DECLARE ${cursor} NO SCROLL CURSOR FOR
       SELECT e.code, e.title, e.team_name AS "teamName", u.display_name AS "judgeName", c.name AS "criterionName",
              c.max_score::float8 AS "maxScore", s.value::float8 AS value, s.comment, ss.comment AS "sheetComment",
              ss.submitted_at AS "submittedAt"
         FROM score_sheets ss
         JOIN assignments a ON a.id = ss.assignment_id AND a.status = 'assigned'
         JOIN round_entries re ON re.round_id = ss.round_id AND re.entry_id = a.entry_id
         JOIN entries e ON e.id = a.entry_id AND e.status <> 'withdrawn'
         JOIN users u ON u.id = a.judge_id
         JOIN scores s ON s.sheet_id = ss.id
         JOIN criteria c ON c.id = s.criterion_id
        WHERE ss.round_id = $1 AND ss.status = 'submitted'
        ORDER BY e.code NULLS LAST, e.id, u.display_name, u.id, c.position, c.name`,
      [roundId],
    );
    try {
      for (;;) {
        const rows: ScoreExportRow[] = await manager.query(`FETCH FORWARD ${Math.trunc(batchSize)} FROM ${cursor}`);
        if (rows.length > 0) yield rows;
        if (rows.length < batchSize) return;
      }
    } finally {
      await manager.query(`CLOSE ${cursor}`).catch(() => undefined);
    }
  }

  /**
   * The stored total of every submitted sheet of the round (written on submission by the domain's
   * sheetTotal), for the entries × judges matrix.
   */
  async sheetTotals(manager: EntityManager, roundId: string): Promise<{ entryId: string; judgeId: string; total: number }[]> {
    return manager.query(
      `SELECT a.entry_id AS "entryId", a.judge_id AS "judgeId", ss.total
         FROM score_sheets ss
         JOIN assignments a ON a.id = ss.assignment_id AND a.status = 'assigned'
         JOIN round_entries re ON re.round_id = ss.round_id AND re.entry_id = a.entry_id
        WHERE ss.round_id = $1 AND ss.status = 'submitted'`,
      [roundId],
    );
  }

  /** Per round and judge of the contest: assignments, submitted sheets, recusals. */
  async judgeStats(manager: EntityManager, contestId: string): Promise<JudgeRoundStats[]> {
    return manager.query(
      `SELECT a.round_id AS "roundId", a.judge_id AS "judgeId", u.display_name AS name,
              coalesce(cj.organization, u.organization) AS organization,
              count(*) FILTER (WHERE a.status = 'assigned')::int AS assigned,
              count(*) FILTER (WHERE a.status = 'assigned' AND ss.status = 'submitted')::int AS submitted,
              count(*) FILTER (WHERE a.status = 'recused')::int AS recused
         FROM assignments a
         JOIN rounds r ON r.id = a.round_id AND r.contest_id = $1
         JOIN users u ON u.id = a.judge_id
         LEFT JOIN contest_judges cj ON cj.contest_id = r.contest_id AND cj.user_id = a.judge_id
         LEFT JOIN score_sheets ss ON ss.assignment_id = a.id
        GROUP BY a.round_id, r."order", a.judge_id, u.display_name, cj.organization, u.organization
        ORDER BY r."order", u.display_name, a.judge_id`,
      [contestId],
    );
  }

  /** Each submitted entry's answers to the contest's form, for the Ranking sheets. */
  async answers(manager: EntityManager, contestId: string): Promise<Map<string, Answers>> {
    const rows: { id: string; answers: Answers }[] = await manager.query(
      `SELECT id, answers FROM entries WHERE contest_id = $1 AND status = 'submitted'`,
      [contestId],
    );
    return new Map(rows.map((r) => [r.id, r.answers]));
  }

  async contestCounts(manager: EntityManager, contestId: string): Promise<ContestCounts> {
    const rows: { status: string; eligibility: string; count: number }[] = await manager.query(
      `SELECT status, eligibility, count(*)::int AS count FROM entries WHERE contest_id = $1 GROUP BY status, eligibility`,
      [contestId],
    );
    const [counted]: { judges: number }[] = await manager.query(
      `SELECT count(*)::int AS judges FROM contest_judges WHERE contest_id = $1`,
      [contestId],
    );
    const { judges } = known(counted, 'the judge count');
    const entriesByStatus: Record<string, number> = {};
    const eligibility: Record<string, number> = {};
    for (const row of rows) {
      entriesByStatus[row.status] = (entriesByStatus[row.status] ?? 0) + row.count;
      if (row.status === 'submitted') eligibility[row.eligibility] = (eligibility[row.eligibility] ?? 0) + row.count;
    }
    return { entriesByStatus, eligibility, judges };
  }

  /** Each judge's entries in a round (recusals left out), by judge name then entry code. */
  async judgeAssignments(roundId: string): Promise<JudgeAssignmentRow[]> {
    return this.dataSource.query(
      `SELECT a.judge_id AS "judgeId", u.display_name AS "judgeName", coalesce(cj.organization, u.organization) AS organization,
              e.code, e.title, e.team_name AS "teamName"
         FROM assignments a
         JOIN rounds r ON r.id = a.round_id
         JOIN users u ON u.id = a.judge_id
         JOIN entries e ON e.id = a.entry_id AND e.status <> 'withdrawn'
         LEFT JOIN contest_judges cj ON cj.contest_id = r.contest_id AND cj.user_id = a.judge_id
        WHERE a.round_id = $1 AND a.status = 'assigned'
        ORDER BY u.display_name, a.judge_id, e.code NULLS LAST, e.id`,
      [roundId],
    );
  }
}
