import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Results1764748800000 implements MigrationInterface {
  name = 'Results1764748800000';

  async up(q: QueryRunner): Promise<void> {
    // The results of a closed round as they were first read after closing: later reads answer
    // this, so a published ranking cannot move behind anyone's back.
    await q.query(`
      CREATE TABLE results_snapshots (
        round_id uuid PRIMARY KEY REFERENCES rounds(id) ON DELETE CASCADE,
        payload jsonb NOT NULL CHECK (jsonb_typeof(payload) = 'object'),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    // A snapshot describes one closing. Reopening the round drops it (the next closing gets a
    // fresh one); a round of a published contest cannot reopen at all, whatever code tries.
    await q.query(`
      CREATE FUNCTION laurel_round_reopen_drops_snapshot() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM contests c WHERE c.id = NEW.contest_id AND c.status = 'published') THEN
          RAISE EXCEPTION 'round % cannot reopen: the results of its contest are published', NEW.id
            USING ERRCODE = 'LR003', HINT = 'Published results are final.';
        END IF;
        DELETE FROM results_snapshots WHERE round_id = NEW.id;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER rounds_reopen_drops_snapshot BEFORE UPDATE OF status ON rounds
      FOR EACH ROW WHEN (OLD.status = 'closed' AND NEW.status <> 'closed')
      EXECUTE FUNCTION laurel_round_reopen_drops_snapshot()`);

    // Confirmed prizes; `category_id` is the prize's category (null: a contest-wide prize).
    await q.query(`
      CREATE TABLE awards (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contest_id uuid NOT NULL REFERENCES contests(id) ON DELETE CASCADE,
        tier text NOT NULL CHECK (tier IN ('first','second','third','encouragement')),
        category_id uuid REFERENCES categories(id) ON DELETE CASCADE,
        entry_id uuid NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        rank int CHECK (rank >= 1),
        score double precision CHECK (score IS NULL OR (score >= 0 AND score <= 100)),
        place int NOT NULL CHECK (place >= 1),
        reason text CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 2000),
        confirmed_by uuid REFERENCES users(id),
        confirmed_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (contest_id, entry_id),
        UNIQUE (contest_id, place)
      )`);

    await q.query(`ALTER TABLE contests ADD COLUMN published_at timestamptz`);

    // Live boards in every API process learn of a submitted sheet through LISTEN, whatever code
    // (or hand-written statement) submitted it. The payload is the round id; PostgreSQL folds
    // identical notifications of one transaction into one.
    await q.query(`
      CREATE FUNCTION laurel_notify_sheet_submitted() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('laurel_sheet_submitted', NEW.round_id::text);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER score_sheets_notify_submitted AFTER UPDATE OF status ON score_sheets
      FOR EACH ROW WHEN (NEW.status = 'submitted' AND OLD.status IS DISTINCT FROM 'submitted')
      EXECUTE FUNCTION laurel_notify_sheet_submitted()`);
    await q.query(`
      CREATE TRIGGER score_sheets_notify_inserted_submitted AFTER INSERT ON score_sheets
      FOR EACH ROW WHEN (NEW.status = 'submitted')
      EXECUTE FUNCTION laurel_notify_sheet_submitted()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER score_sheets_notify_inserted_submitted ON score_sheets`);
    await q.query(`DROP TRIGGER score_sheets_notify_submitted ON score_sheets`);
    await q.query(`DROP FUNCTION laurel_notify_sheet_submitted`);
    await q.query(`ALTER TABLE contests DROP COLUMN published_at`);
    await q.query(`DROP TABLE awards`);
    await q.query(`DROP TRIGGER rounds_reopen_drops_snapshot ON rounds`);
    await q.query(`DROP FUNCTION laurel_round_reopen_drops_snapshot`);
    await q.query(`DROP TABLE results_snapshots`);
  }
}
