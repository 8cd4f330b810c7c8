import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export type AccountTokenPurpose = 'verify_email' | 'password_reset';

export interface AccountTokenRow {
  id: string;
  userId: string;
  purpose: AccountTokenPurpose;
  expiresAt: Date;
  usedAt: Date | null;
}

/** Single-use links mailed to an account's address; only the token's SHA-256 is stored. */
@Injectable()
export class AccountTokensRepository {
  /** Stores a new token, replacing earlier unused ones of the same purpose: one live link at a time. */
  async replace(
    manager: EntityManager,
    token: { userId: string; purpose: AccountTokenPurpose; tokenHash: string; expiresAt: Date },
  ): Promise<void> {
    await manager.query(`DELETE FROM account_tokens WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`, [
      token.userId,
      token.purpose,
    ]);
    await manager.query(`INSERT INTO account_tokens (user_id, purpose, token_hash, expires_at) VALUES ($1, $2, $3, $4)`, [
      token.userId,
      token.purpose,
      token.tokenHash,
      token.expiresAt,
    ]);
  }

  /** The token under a row lock: of two requests with one token, the second finds it used. */
  async lock(manager: EntityManager, tokenHash: string, purpose: AccountTokenPurpose): Promise<AccountTokenRow | null> {
    const rows: AccountTokenRow[] = await manager.query(
      `SELECT id, user_id AS "userId", purpose, expires_at AS "expiresAt", used_at AS "usedAt"
         FROM account_tokens WHERE token_hash = $1 AND purpose = $2 FOR UPDATE`,
      [tokenHash, purpose],
    );
    return rows[0] ?? null;
  }

  async markUsed(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE account_tokens SET used_at = now() WHERE id = $1`, [id]);
  }
}
