import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A round's scoring deadline and how long before it the judges still owing sheets are reminded
 * (DESIGN, "Accounts and mail"). The reminder itself is a delayed job of the mail queue; the round
 * keeps the job's id so a moved deadline or a closed round can cancel it.
 */
export class ScoresDueAndReminders1765910000000 implements MigrationInterface {
  name = 'ScoresDueAndReminders1765910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE rounds
        ADD COLUMN scores_due_at timestamptz,
        ADD COLUMN reminder_hours_before int NOT NULL DEFAULT 24 CHECK (reminder_hours_before BETWEEN 0 AND 720),
        ADD COLUMN reminder_job_id uuid`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rounds DROP COLUMN scores_due_at, DROP COLUMN reminder_hours_before, DROP COLUMN reminder_job_id`);
  }
}
