import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { FeedbackSettings } from '@laurel/contracts';

export interface FeedbackEntryRow {
  entryId: string;
  ownerId: string;
  code: string | null;
  title: string;
  categoryId: string | null;
  contestId: string;
  contestName: string;
  contestStatus: string;
  feedback: FeedbackSettings;
}

/** One submitted sheet of the entry with the comments applicants may read (internal ones are never selected). */
export interface FeedbackSheetRow {
  sheetId: string;
  roundId: string;
  judgeId: string;
  submittedAt: Date;
  comment: string | null;
  criterionComments: { criterionId: string; text: string }[];
}

/** The reads behind an applicant's feedback. No judge's name or address is ever selected. */
@Injectable()
export class FeedbackRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async entry(entryId: string): Promise<FeedbackEntryRow | null> {
    const rows: FeedbackEntryRow[] = await this.dataSource.query(
      `SELECT e.id AS "entryId", e.owner_id AS "ownerId", e.code, e.title, e.category_id AS "categoryId",
              c.id AS "contestId", c.name AS "contestName", c.status AS "contestStatus", c.feedback
         FROM entries e JOIN contests c ON c.id = e.contest_id WHERE e.id = $1`,
      [entryId],
    );
    return rows[0] ?? null;
  }

  /**
   * Every submitted sheet of the entry (recusals and withdrawn assignments left out), oldest
   * first, with the comments the judge did not mark internal. The judge id only groups sheets;
   * the service turns it into "judge 1, 2, …".
   */
  async sheets(entryId: string): Promise<FeedbackSheetRow[]> {
    return this.dataSource.query(
      `SELECT ss.id AS "sheetId", ss.round_id AS "roundId", a.judge_id AS "judgeId", ss.submitted_at AS "submittedAt",
              CASE WHEN ss.comment_internal THEN NULL ELSE nullif(btrim(ss.comment), '') END AS comment,
              coalesce((SELECT json_agg(json_build_object('criterionId', s.criterion_id, 'text', s.comment) ORDER BY c.position)
                          FROM scores s JOIN criteria c ON c.id = s.criterion_id
                         WHERE s.sheet_id = ss.id AND NOT s.comment_internal AND nullif(btrim(s.comment), '') IS NOT NULL), '[]'::json) AS "criterionComments"
         FROM score_sheets ss
         JOIN assignments a ON a.id = ss.assignment_id AND a.status = 'assigned'
        WHERE a.entry_id = $1 AND ss.status = 'submitted'
        ORDER BY ss.submitted_at, ss.id`,
      [entryId],
    );
  }
}
