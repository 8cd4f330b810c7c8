import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EntriesAndAttachments1764316800000 implements MigrationInterface {
  name = 'EntriesAndAttachments1764316800000';

  async up(q: QueryRunner): Promise<void> {
    // Readable entry codes (ST26-007): a prefix per contest and a counter taken under row lock.
    await q.query(`ALTER TABLE contests ADD COLUMN code_prefix text CHECK (code_prefix ~ '^[A-Z0-9]{1,8}$')`);
    await q.query(`ALTER TABLE contests ADD COLUMN entry_seq int NOT NULL DEFAULT 0`);

    await q.query(`
      CREATE TABLE entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contest_id uuid NOT NULL REFERENCES contests(id) ON DELETE CASCADE,
        category_id uuid NOT NULL REFERENCES categories(id),
        owner_id uuid REFERENCES users(id),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted','withdrawn')),
        code text,
        title text NOT NULL DEFAULT '' CHECK (length(title) <= 200),
        team_name text NOT NULL DEFAULT '' CHECK (length(team_name) <= 200),
        summary text NOT NULL DEFAULT '',
        problem text NOT NULL DEFAULT '',
        solution text NOT NULL DEFAULT '',
        market text NOT NULL DEFAULT '',
        business_model text NOT NULL DEFAULT '',
        organization text,
        video_url text CHECK (video_url IS NULL OR video_url ~* '^https?://'),
        members jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(members) = 'array'),
        eligibility text NOT NULL DEFAULT 'pending' CHECK (eligibility IN ('pending','eligible','ineligible')),
        eligibility_reason text,
        eligibility_by uuid REFERENCES users(id),
        eligibility_at timestamptz,
        version int NOT NULL DEFAULT 1,
        submitted_at timestamptz,
        withdrawn_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (eligibility <> 'ineligible' OR coalesce(length(eligibility_reason), 0) > 0),
        CHECK (status = 'draft' OR code IS NOT NULL OR status = 'withdrawn')
      )`);
    await q.query(`CREATE UNIQUE INDEX entries_code_key ON entries (contest_id, code) WHERE code IS NOT NULL`);
    // One live entry per applicant and category; a withdrawn one does not block a new start.
    await q.query(
      `CREATE UNIQUE INDEX entries_owner_category_key ON entries (contest_id, category_id, owner_id) WHERE owner_id IS NOT NULL AND status <> 'withdrawn'`,
    );
    await q.query(`CREATE INDEX entries_contest_status_idx ON entries (contest_id, status)`);
    await q.query(`CREATE INDEX entries_owner_idx ON entries (owner_id)`);

    await q.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        entry_id uuid NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('pitch_deck','business_plan','other')),
        storage_key text NOT NULL UNIQUE,
        original_name text NOT NULL CHECK (length(original_name) BETWEEN 1 AND 255),
        content_type text NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL,
        uploaded_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX attachments_entry_idx ON attachments (entry_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE attachments`);
    await q.query(`DROP TABLE entries`);
    await q.query(`ALTER TABLE contests DROP COLUMN entry_seq`);
    await q.query(`ALTER TABLE contests DROP COLUMN code_prefix`);
  }
}
