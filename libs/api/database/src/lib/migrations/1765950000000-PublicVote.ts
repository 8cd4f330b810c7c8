import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public vote (DESIGN "Public vote"): its settings on the contest, one row per vote cast,
 * and a per-client throttle kept in PostgreSQL so that it holds across API instances.
 * A vote counts once its confirmation link is opened (`confirmed_at`) and until it is voided;
 * the partial unique index makes "one counted vote per mailbox per contest (per category when
 * the scope is category)" a rule of the database, so two confirmations racing on two instances
 * cannot both count. A voided vote keeps its place in that index: voiding removes a vote, it
 * does not hand the mailbox a second one.
 */
export class PublicVote1765950000000 implements MigrationInterface {
  name = 'PublicVote1765950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contests ADD COLUMN public_vote jsonb CHECK (public_vote IS NULL OR jsonb_typeof(public_vote) = 'object')`);
    await q.query(`
      CREATE TABLE votes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contest_id uuid NOT NULL REFERENCES contests(id) ON DELETE CASCADE,
        round_id uuid NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        entry_id uuid NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        scope_key text NOT NULL,
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
        mailbox text NOT NULL CHECK (length(mailbox) BETWEEN 3 AND 320),
        language text NOT NULL DEFAULT 'vi' CHECK (language IN ('vi','en')),
        token_hash text NOT NULL UNIQUE,
        client_address text,
        created_at timestamptz NOT NULL DEFAULT now(),
        confirmed_at timestamptz,
        voided_at timestamptz,
        void_reason text CHECK (void_reason IS NULL OR length(void_reason) BETWEEN 1 AND 2000),
        voided_by uuid REFERENCES users(id),
        CHECK (voided_at IS NULL OR (confirmed_at IS NOT NULL AND void_reason IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX votes_one_per_mailbox ON votes (contest_id, scope_key, mailbox) WHERE confirmed_at IS NOT NULL`);
    await q.query(`CREATE INDEX votes_tally_idx ON votes (round_id, entry_id) WHERE confirmed_at IS NOT NULL AND voided_at IS NULL`);
    await q.query(`CREATE INDEX votes_contest_idx ON votes (contest_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE vote_throttle (
        client_address text NOT NULL,
        window_start timestamptz NOT NULL,
        hits int NOT NULL,
        PRIMARY KEY (client_address, window_start)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE vote_throttle`);
    await q.query(`DROP TABLE votes`);
    await q.query(`ALTER TABLE contests DROP COLUMN public_vote`);
  }
}
