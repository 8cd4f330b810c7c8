import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PitchDay1765700000000 implements MigrationInterface {
  name = 'PitchDay1765700000000';

  async up(q: QueryRunner): Promise<void> {
    // A round run live in the hall: its judges follow a run sheet the organizer controls.
    await q.query(`ALTER TABLE rounds ADD COLUMN live_enabled boolean NOT NULL DEFAULT false`);

    // The run sheet and the stage of a live round as one document (the domain's `Stage`), so a
    // control action is one conditional UPDATE on `version`: of two organizers pressing "next"
    // on the same version, one changes the row and the other finds it changed (409). Instants
    // inside are milliseconds of the database's clock, so every API instance derives one timer.
    await q.query(`
      CREATE TABLE pitch_stages (
        round_id uuid PRIMARY KEY REFERENCES rounds(id) ON DELETE CASCADE,
        version int NOT NULL DEFAULT 1 CHECK (version >= 1),
        state jsonb NOT NULL CHECK (
          jsonb_typeof(state) = 'object' AND jsonb_typeof(state->'slots') = 'array' AND jsonb_typeof(state->'outcomes') = 'object'
        ),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES users(id)
      )`);

    // Every API process hears of a change to a stage, or to the status of a live round (the
    // board shows it; the reveal waits for the round to close), whoever made it. The payload is
    // the round id, as on the sheet-submitted channel beside it.
    await q.query(`
      CREATE FUNCTION laurel_notify_pitch_stage() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        -- Two branches, not one CASE: NEW of rounds has no round_id, and a CASE is planned whole.
        IF TG_TABLE_NAME = 'rounds' THEN
          PERFORM pg_notify('laurel_pitch_stage', NEW.id::text);
        ELSE
          PERFORM pg_notify('laurel_pitch_stage', NEW.round_id::text);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER pitch_stages_notify AFTER INSERT OR UPDATE ON pitch_stages
      FOR EACH ROW EXECUTE FUNCTION laurel_notify_pitch_stage()`);
    await q.query(`
      CREATE TRIGGER rounds_notify_live_status AFTER UPDATE OF status, live_enabled ON rounds
      FOR EACH ROW WHEN (NEW.live_enabled OR OLD.live_enabled)
      EXECUTE FUNCTION laurel_notify_pitch_stage()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER rounds_notify_live_status ON rounds`);
    await q.query(`DROP TRIGGER pitch_stages_notify ON pitch_stages`);
    await q.query(`DROP FUNCTION laurel_notify_pitch_stage`);
    await q.query(`DROP TABLE pitch_stages`);
    await q.query(`ALTER TABLE rounds DROP COLUMN live_enabled`);
  }
}
