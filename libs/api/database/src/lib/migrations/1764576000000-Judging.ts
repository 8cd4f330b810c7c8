import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Judging1764576000000 implements MigrationInterface {
  name = 'Judging1764576000000';

  async up(q: QueryRunner): Promise<void> {
    // The panel: judges invited to a contest.
    await q.query(`
      CREATE TABLE contest_judges (
        contest_id uuid NOT NULL REFERENCES contests(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        organization text,
        expertise text[] NOT NULL DEFAULT '{}',
        invited_by uuid REFERENCES users(id),
        invited_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (contest_id, user_id)
      )`);

    // Single-use invitations; only a hash of the token is stored.
    await q.query(`
      CREATE TABLE invites (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        contest_id uuid REFERENCES contests(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    // Conflicts of interest: detected, declared by the judge (a recusal) or added by an organizer.
    await q.query(`
      CREATE TABLE conflicts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contest_id uuid NOT NULL REFERENCES contests(id) ON DELETE CASCADE,
        judge_id uuid NOT NULL REFERENCES users(id),
        entry_id uuid NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        source text NOT NULL CHECK (source IN ('detected','declared','organizer')),
        reason text NOT NULL,
        detail text,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (judge_id, entry_id)
      )`);

    // Which entries a round covers, and what became of each (advanced or eliminated).
    await q.query(`
      CREATE TABLE round_entries (
        round_id uuid NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        entry_id uuid NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        outcome text NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending','advanced','eliminated')),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (round_id, entry_id)
      )`);

    await q.query(`
      CREATE TABLE assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        entry_id uuid NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        judge_id uuid NOT NULL REFERENCES users(id),
        status text NOT NULL DEFAULT 'assigned' CHECK (status IN ('assigned','recused')),
        recusal_reason text,
        recused_at timestamptz,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (round_id, entry_id, judge_id),
        CHECK (status <> 'recused' OR coalesce(length(recusal_reason), 0) > 0)
      )`);
    await q.query(`CREATE INDEX assignments_judge_idx ON assignments (judge_id, round_id)`);
    await q.query(`CREATE INDEX assignments_entry_idx ON assignments (entry_id)`);

    // One sheet per assignment, one score per sheet and criterion.
    await q.query(`
      CREATE TABLE score_sheets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assignment_id uuid NOT NULL UNIQUE REFERENCES assignments(id) ON DELETE CASCADE,
        round_id uuid NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted')),
        comment text,
        total double precision CHECK (total IS NULL OR (total >= 0 AND total <= 100)),
        version int NOT NULL DEFAULT 1,
        submitted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status = 'draft' OR (total IS NOT NULL AND submitted_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX score_sheets_round_idx ON score_sheets (round_id, status)`);
    await q.query(`
      CREATE TABLE scores (
        sheet_id uuid NOT NULL REFERENCES score_sheets(id) ON DELETE CASCADE,
        criterion_id uuid NOT NULL REFERENCES criteria(id),
        value numeric(8,2) NOT NULL CHECK (value >= 0),
        comment text,
        PRIMARY KEY (sheet_id, criterion_id)
      )`);

    // The database itself refuses any change to a sheet or score of a round that is not open,
    // so no code path (nor a hand-written SQL statement) can get around a closed round.
    await q.query(`
      CREATE FUNCTION laurel_refuse_sheet_change_unless_round_open() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        target_round uuid;
        round_status text;
      BEGIN
        IF TG_TABLE_NAME = 'score_sheets' THEN
          target_round := CASE WHEN TG_OP = 'DELETE' THEN OLD.round_id ELSE NEW.round_id END;
        ELSE
          SELECT s.round_id INTO target_round FROM score_sheets s
           WHERE s.id = CASE WHEN TG_OP = 'DELETE' THEN OLD.sheet_id ELSE NEW.sheet_id END;
        END IF;
        SELECT r.status INTO round_status FROM rounds r WHERE r.id = target_round;
        -- A cascade from deleting the round or contest itself is allowed.
        IF round_status IS NULL THEN
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END IF;
        IF round_status <> 'open' THEN
          RAISE EXCEPTION 'score sheets of round % cannot change: the round is %', target_round, round_status
            USING ERRCODE = 'LR001', HINT = 'Only sheets of an open round can be written.';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`
      CREATE TRIGGER score_sheets_round_open BEFORE INSERT OR UPDATE OR DELETE ON score_sheets
      FOR EACH ROW EXECUTE FUNCTION laurel_refuse_sheet_change_unless_round_open()`);
    await q.query(`
      CREATE TRIGGER scores_round_open BEFORE INSERT OR UPDATE OR DELETE ON scores
      FOR EACH ROW EXECUTE FUNCTION laurel_refuse_sheet_change_unless_round_open()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE scores`);
    await q.query(`DROP TABLE score_sheets`);
    await q.query(`DROP FUNCTION laurel_refuse_sheet_change_unless_round_open`);
    await q.query(`DROP TABLE assignments`);
    await q.query(`DROP TABLE round_entries`);
    await q.query(`DROP TABLE conflicts`);
    await q.query(`DROP TABLE invites`);
    await q.query(`DROP TABLE contest_judges`);
  }
}
