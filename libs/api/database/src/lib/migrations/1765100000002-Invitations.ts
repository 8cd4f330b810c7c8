import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations travel only by mail and belong to one contest (judges) or to the platform
 * (organizers, admins). Nobody joins a panel or gains a role until the mailbox holder accepts;
 * inviting an address to one contest never touches another contest's invitation.
 * The old single `invites` table (one live link per account, replaced on every invitation)
 * goes: an unused link of it would bypass the mailbox proof.
 */
export class Invitations1765100000002 implements MigrationInterface {
  name = 'Invitations1765100000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('judge', 'organizer', 'admin')),
        contest_id uuid REFERENCES contests(id) ON DELETE CASCADE,
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
        organization text,
        expertise text[] NOT NULL DEFAULT '{}',
        language text NOT NULL DEFAULT 'vi' CHECK (language IN ('vi', 'en')),
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'revoked')),
        accepted_by uuid REFERENCES users(id) ON DELETE SET NULL,
        accepted_at timestamptz,
        mail_id uuid REFERENCES mail_outbox(id) ON DELETE SET NULL,
        invited_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'judge') = (contest_id IS NOT NULL))
      )`);
    await q.query(`
      CREATE UNIQUE INDEX invitations_pending_key ON invitations (kind, coalesce(contest_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(email))
        WHERE status = 'pending'`);
    await q.query(`CREATE INDEX invitations_contest_idx ON invitations (contest_id)`);
    await q.query(`DROP TABLE invites`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE invitations`);
    await q.query(`
      CREATE TABLE invites (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        contest_id uuid REFERENCES contests(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }
}
