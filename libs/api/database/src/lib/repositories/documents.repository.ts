import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SheetStatus } from '@laurel/contracts';

/** One criterion of one judge's assignment in a round; `value` null when the sheet is not submitted. */
export interface PaperScoreRow {
  judgeId: string;
  judgeName: string;
  organization: string | null;
  entryId: string;
  code: string | null;
  title: string;
  teamName: string;
  sheetStatus: SheetStatus | null;
  total: number | null;
  criterionId: string | null;
  value: number | null;
}

export interface OwnedEntryRow {
  entryId: string;
  ownerId: string;
  contestId: string;
  contestStatus: string;
  categoryId: string | null;
}

/** The reads behind the documents an office files and signs. */
@Injectable()
export class DocumentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Every assignment of the round (recusals left out) with the judge's submitted values, judge by
   * judge (by name), entry by entry (by code). Drafts count as not submitted: an office signs
   * what the judge handed in.
   */
  async paperScores(roundId: string): Promise<PaperScoreRow[]> {
    return this.dataSource.query(
      `SELECT a.judge_id AS "judgeId", u.display_name AS "judgeName", coalesce(cj.organization, u.organization) AS organization,
              e.id AS "entryId", e.code, e.title, e.team_name AS "teamName",
              ss.status AS "sheetStatus", CASE WHEN ss.status = 'submitted' THEN ss.total END AS total,
              s.criterion_id AS "criterionId", CASE WHEN ss.status = 'submitted' THEN s.value::float8 END AS value
         FROM assignments a
         JOIN rounds r ON r.id = a.round_id
         JOIN users u ON u.id = a.judge_id
         JOIN entries e ON e.id = a.entry_id AND e.status <> 'withdrawn'
         LEFT JOIN contest_judges cj ON cj.contest_id = r.contest_id AND cj.user_id = a.judge_id
         LEFT JOIN score_sheets ss ON ss.assignment_id = a.id
         LEFT JOIN scores s ON s.sheet_id = ss.id AND ss.status = 'submitted'
        WHERE a.round_id = $1 AND a.status = 'assigned'
        ORDER BY u.display_name, a.judge_id, e.code NULLS LAST, e.id`,
      [roundId],
    );
  }

  /** Per round of the contest: entries it covers and judges with a submitted sheet in it. */
  async roundCounts(contestId: string): Promise<{ roundId: string; entries: number; judges: number }[]> {
    return this.dataSource.query(
      `SELECT r.id AS "roundId",
              (SELECT count(*)::int FROM round_entries re JOIN entries e ON e.id = re.entry_id AND e.status <> 'withdrawn' WHERE re.round_id = r.id) AS entries,
              (SELECT count(DISTINCT a.judge_id)::int FROM score_sheets ss JOIN assignments a ON a.id = ss.assignment_id
                WHERE ss.round_id = r.id AND ss.status = 'submitted') AS judges
         FROM rounds r WHERE r.contest_id = $1 ORDER BY r."order"`,
      [contestId],
    );
  }

  async ownedEntry(entryId: string): Promise<OwnedEntryRow | null> {
    const rows: OwnedEntryRow[] = await this.dataSource.query(
      `SELECT e.id AS "entryId", e.owner_id AS "ownerId", e.contest_id AS "contestId", c.status AS "contestStatus", e.category_id AS "categoryId"
         FROM entries e JOIN contests c ON c.id = e.contest_id WHERE e.id = $1`,
      [entryId],
    );
    return rows[0] ?? null;
  }
}
