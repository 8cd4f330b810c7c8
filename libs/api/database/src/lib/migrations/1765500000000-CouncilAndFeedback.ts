import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CouncilAndFeedback1765500000000 implements MigrationInterface {
  name = 'CouncilAndFeedback1765500000000';

  async up(q: QueryRunner): Promise<void> {
    // The council: named members (null: the judges of the final round) and the share of them
    // whose approval publication needs (null: two thirds). The meeting's time and place go on
    // the minutes. What applicants may see after publication is the organizer's choice.
    await q.query(`
      ALTER TABLE contests
        ADD COLUMN council_member_ids uuid[],
        ADD COLUMN council_approval_share double precision CHECK (council_approval_share IS NULL OR (council_approval_share >= 0 AND council_approval_share <= 1)),
        ADD COLUMN council_meeting_at timestamptz,
        ADD COLUMN council_meeting_place text CHECK (council_meeting_place IS NULL OR length(council_meeting_place) BETWEEN 1 AND 500),
        ADD COLUMN feedback jsonb NOT NULL DEFAULT '{"enabled": true, "showCriterionMeans": true, "showCategoryAverage": true, "showComments": false}'
          CHECK (jsonb_typeof(feedback) = 'object')`);

    // One decision per member on the awards as they stand. Confirming the awards again deletes
    // the decisions in the same transaction, so an approval never outlives the list it approved.
    await q.query(`
      CREATE TABLE award_approvals (
        contest_id uuid NOT NULL REFERENCES contests(id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES users(id),
        decision text NOT NULL CHECK (decision IN ('approve','object')),
        note text CHECK (note IS NULL OR length(note) BETWEEN 1 AND 2000),
        decided_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (contest_id, member_id)
      )`);

    // A judge may keep a comment for the organizers only: it never reaches the applicant.
    await q.query(`ALTER TABLE scores ADD COLUMN comment_internal boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE score_sheets ADD COLUMN comment_internal boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE score_sheets DROP COLUMN comment_internal`);
    await q.query(`ALTER TABLE scores DROP COLUMN comment_internal`);
    await q.query(`DROP TABLE award_approvals`);
    await q.query(`
      ALTER TABLE contests
        DROP COLUMN feedback, DROP COLUMN council_meeting_place, DROP COLUMN council_meeting_at,
        DROP COLUMN council_approval_share, DROP COLUMN council_member_ids`);
  }
}
