import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts learn their mail language, whether their mailbox is proved, and a session version
 * that every token carries (bumped to revoke older tokens). Single-use account tokens (address
 * verification, password reset) are stored as SHA-256 hashes only.
 */
export class AccountsAndSessions1765100000001 implements MigrationInterface {
  name = 'AccountsAndSessions1765100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN language text NOT NULL DEFAULT 'vi' CHECK (language IN ('vi', 'en'))`);
    await q.query(`ALTER TABLE users ADD COLUMN email_verified_at timestamptz`);
    await q.query(`ALTER TABLE users ADD COLUMN session_version int NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE users ADD COLUMN disabled_at timestamptz`);
    // An account that set its password through a mailed invite link has proved its mailbox.
    await q.query(`
      UPDATE users u SET email_verified_at = i.used_at
        FROM (SELECT user_id, min(used_at) AS used_at FROM invites WHERE used_at IS NOT NULL GROUP BY user_id) i
       WHERE i.user_id = u.id`);
    await q.query(`
      CREATE TABLE account_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('verify_email', 'password_reset')),
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX account_tokens_user_idx ON account_tokens (user_id, purpose)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE account_tokens`);
    await q.query(
      `ALTER TABLE users DROP COLUMN disabled_at, DROP COLUMN session_version, DROP COLUMN email_verified_at, DROP COLUMN language`,
    );
  }
}
