import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UsersAndContests1764230400000 implements MigrationInterface {
  name = 'UsersAndContests1764230400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
        password_hash text,
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
        roles text[] NOT NULL CHECK (roles <@ ARRAY['admin','organizer','judge','applicant']::text[] AND cardinality(roles) > 0),
        organization text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email))`);

    await q.query(`
      CREATE TABLE contests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2200),
        description text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','open','closed','judging','published')),
        submission_opens_at timestamptz NOT NULL,
        submission_closes_at timestamptz NOT NULL,
        min_score_for_prize numeric(6,2) NOT NULL DEFAULT 0 CHECK (min_score_for_prize BETWEEN 0 AND 100),
        require_pitch_deck boolean NOT NULL DEFAULT true,
        owner_id uuid NOT NULL REFERENCES users(id),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (submission_opens_at < submission_closes_at)
      )`);
    await q.query(`CREATE INDEX contests_owner_idx ON contests (owner_id)`);

    await q.query(`
      CREATE TABLE categories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contest_id uuid NOT NULL REFERENCES contests(id) ON DELETE CASCADE,
        name text NOT NULL,
        position int NOT NULL DEFAULT 0,
        UNIQUE (contest_id, name)
      )`);

    await q.query(`
      CREATE TABLE rounds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contest_id uuid NOT NULL REFERENCES contests(id) ON DELETE CASCADE,
        name text NOT NULL,
        "order" int NOT NULL CHECK ("order" >= 1),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','open','closed')),
        panel text NOT NULL DEFAULT 'assigned' CHECK (panel IN ('assigned','complete')),
        judges_per_entry int NOT NULL DEFAULT 3 CHECK (judges_per_entry BETWEEN 1 AND 50),
        blind boolean NOT NULL DEFAULT false,
        aggregation text NOT NULL DEFAULT 'mean' CHECK (aggregation IN ('mean','median','trimmed_mean','zscore')),
        trim int NOT NULL DEFAULT 1 CHECK (trim >= 0),
        min_sheets_for_normalization int NOT NULL DEFAULT 5 CHECK (min_sheets_for_normalization >= 1),
        rank_by text NOT NULL DEFAULT 'overall' CHECK (rank_by IN ('overall','category')),
        priority_criteria uuid[] NOT NULL DEFAULT '{}',
        spread_threshold numeric(6,2) NOT NULL DEFAULT 15,
        UNIQUE (contest_id, "order"),
        UNIQUE (contest_id, name)
      )`);

    await q.query(`
      CREATE TABLE criteria (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        name text NOT NULL,
        description text,
        weight numeric(8,2) NOT NULL CHECK (weight > 0),
        max_score numeric(8,2) NOT NULL CHECK (max_score > 0),
        position int NOT NULL DEFAULT 0,
        UNIQUE (round_id, name)
      )`);

    await q.query(`
      CREATE TABLE prizes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contest_id uuid NOT NULL REFERENCES contests(id) ON DELETE CASCADE,
        tier text NOT NULL CHECK (tier IN ('first','second','third','encouragement')),
        count int NOT NULL CHECK (count BETWEEN 1 AND 1000),
        amount numeric(14,2) CHECK (amount >= 0),
        currency text CHECK (currency ~ '^[A-Z]{3}$'),
        category_id uuid REFERENCES categories(id) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE UNIQUE INDEX prizes_tier_scope_key ON prizes (contest_id, tier, coalesce(category_id, '00000000-0000-0000-0000-000000000000'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE prizes`);
    await q.query(`DROP TABLE criteria`);
    await q.query(`DROP TABLE rounds`);
    await q.query(`DROP TABLE categories`);
    await q.query(`DROP TABLE contests`);
    await q.query(`DROP TABLE users`);
  }
}
