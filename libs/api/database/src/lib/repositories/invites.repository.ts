import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { UserEntity } from '../entities';
import { returningRows } from './returning-rows';

/** Invite tokens are stored only as this hash: a leaked table lets no one in. */
export function hashInviteToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface InviteRow {
  id: string;
  userId: string;
  email: string;
  expiresAt: Date;
  usedAt: Date | null;
  /** The account already has a password (set through another link). */
  hasPassword: boolean;
}

export type InviteRedemption = { ok: true; user: UserEntity } | { ok: false; problem: 'unknown' | 'used' | 'expired' };

@Injectable()
export class InvitesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findByTokenHash(tokenHash: string): Promise<InviteRow | null> {
    const rows: InviteRow[] = await this.dataSource.query(
      `SELECT i.id, i.user_id AS "userId", u.email, i.expires_at AS "expiresAt", i.used_at AS "usedAt",
              (u.password_hash IS NOT NULL) AS "hasPassword"
         FROM invites i JOIN users u ON u.id = i.user_id WHERE i.token_hash = $1`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /**
   * Sets the account's password and uses the invite up, in one transaction under the invite's
   * row lock: of two requests with the same token, one wins and the other finds it used.
   */
  redeem(tokenHash: string, passwordHash: string, now = new Date()): Promise<InviteRedemption> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { id: string; userId: string; expiresAt: Date; usedAt: Date | null }[] = await manager.query(
        `SELECT id, user_id AS "userId", expires_at AS "expiresAt", used_at AS "usedAt" FROM invites WHERE token_hash = $1 FOR UPDATE`,
        [tokenHash],
      );
      const invite = rows[0];
      if (!invite) return { ok: false, problem: 'unknown' };
      if (invite.usedAt) return { ok: false, problem: 'used' };
      if (invite.expiresAt.getTime() <= now.getTime()) return { ok: false, problem: 'expired' };
      const updated = await returningRows(
        manager,
        `UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1 AND password_hash IS NULL RETURNING id`,
        [invite.userId, passwordHash],
      );
      if (updated.length === 0) return { ok: false, problem: 'used' };
      await manager.query(`UPDATE invites SET used_at = now() WHERE id = $1`, [invite.id]);
      await manager.query(`DELETE FROM invites WHERE user_id = $1 AND used_at IS NULL`, [invite.userId]);
      return { ok: true, user: (await manager.findOne(UserEntity, { where: { id: invite.userId } })) as UserEntity };
    });
  }
}
