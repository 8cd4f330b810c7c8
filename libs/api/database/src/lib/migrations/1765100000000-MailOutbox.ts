import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox: a message row is written in the transaction of the event that
 * causes it; the job queue (pg-boss, in its own schema) delivers it and records the outcome here.
 * Bodies are erased once a message is sent: they carry single-use links.
 */
export class MailOutbox1765100000000 implements MigrationInterface {
  name = 'MailOutbox1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mail_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        to_address text NOT NULL CHECK (length(to_address) BETWEEN 3 AND 254),
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        contest_id uuid REFERENCES contests(id) ON DELETE SET NULL,
        template text NOT NULL,
        language text NOT NULL CHECK (language IN ('vi', 'en')),
        subject text NOT NULL,
        text_body text,
        html_body text,
        action_url text,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed', 'captured')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await q.query(`CREATE INDEX mail_outbox_created_idx ON mail_outbox (created_at DESC, id)`);
    await q.query(`CREATE INDEX mail_outbox_user_idx ON mail_outbox (user_id)`);
    await q.query(`CREATE INDEX mail_outbox_status_idx ON mail_outbox (status) WHERE status IN ('queued', 'failed')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mail_outbox`);
  }
}
