import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { InvitationKind, MailLanguage } from '@laurel/contracts';
import { returningRows } from './returning-rows';
import { known } from '@laurel/domain';

export type InvitationState = 'pending' | 'accepted' | 'revoked';

export interface InvitationRow {
  id: string;
  kind: InvitationKind;
  contestId: string | null;
  contestName: string | null;
  email: string;
  displayName: string;
  organization: string | null;
  expertise: string[];
  language: MailLanguage;
  expiresAt: Date;
  status: InvitationState;
  invitedBy: string | null;
  inviterName: string | null;
}

export interface NewInvitation {
  kind: InvitationKind;
  contestId: string | null;
  email: string;
  displayName: string;
  organization: string | null;
  expertise: string[] | null;
  language: MailLanguage;
  tokenHash: string;
  expiresAt: Date;
  invitedBy: string | null;
}

const SELECT = `SELECT i.id, i.kind, i.contest_id AS "contestId", c.name AS "contestName", i.email, i.display_name AS "displayName",
  i.organization, i.expertise, i.language, i.expires_at AS "expiresAt", i.status, i.invited_by AS "invitedBy", inv.display_name AS "inviterName"
  FROM invitations i LEFT JOIN contests c ON c.id = i.contest_id LEFT JOIN users inv ON inv.id = i.invited_by`;

/** Invitations by mail: judges per contest, organizers and admins per platform. Tokens as hashes only. */
@Injectable()
export class InvitationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The pending invitation of this address for this contest (or role), created or renewed with a
   * fresh token: one live link per address and contest. Other contests' invitations are untouched.
   */
  async upsertPending(manager: EntityManager, invitation: NewInvitation): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO invitations (kind, contest_id, email, display_name, organization, expertise, language, token_hash, expires_at, invited_by)
       VALUES ($1, $2, $3, $4, $5, coalesce($6::text[], '{}'), $7, $8, $9, $10)
       ON CONFLICT (kind, coalesce(contest_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(email)) WHERE status = 'pending'
       DO UPDATE SET display_name = EXCLUDED.display_name,
                     organization = coalesce(EXCLUDED.organization, invitations.organization),
                     expertise = CASE WHEN $6::text[] IS NULL THEN invitations.expertise ELSE EXCLUDED.expertise END,
                     language = EXCLUDED.language, token_hash = EXCLUDED.token_hash, expires_at = EXCLUDED.expires_at,
                     invited_by = EXCLUDED.invited_by, created_at = now()
       RETURNING id`,
      [
        invitation.kind,
        invitation.contestId,
        invitation.email,
        invitation.displayName,
        invitation.organization,
        invitation.expertise,
        invitation.language,
        invitation.tokenHash,
        invitation.expiresAt,
        invitation.invitedBy,
      ],
    );
    return known(rows[0], 'the inserted invitation').id;
  }

  async setMail(manager: EntityManager, id: string, mailId: string): Promise<void> {
    await manager.query(`UPDATE invitations SET mail_id = $2 WHERE id = $1`, [id, mailId]);
  }

  /** A pending invitation gets a new token (resend); null when it is not pending. */
  async renewToken(manager: EntityManager, id: string, tokenHash: string, expiresAt: Date): Promise<InvitationRow | null> {
    const rows = await returningRows(
      manager,
      `UPDATE invitations SET token_hash = $2, expires_at = $3 WHERE id = $1 AND status = 'pending' RETURNING id`,
      [id, tokenHash, expiresAt],
    );
    return rows.length > 0 ? this.find(id, manager) : null;
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<InvitationRow | null> {
    const rows: InvitationRow[] = await manager.query(`${SELECT} WHERE i.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async findByTokenHash(tokenHash: string): Promise<InvitationRow | null> {
    const rows: InvitationRow[] = await this.dataSource.query(`${SELECT} WHERE i.token_hash = $1`, [tokenHash]);
    return rows[0] ?? null;
  }

  /** Under a row lock: of two acceptances with one token, the second finds it accepted. */
  async lockByTokenHash(manager: EntityManager, tokenHash: string): Promise<InvitationRow | null> {
    const locked: { id: string }[] = await manager.query(`SELECT id FROM invitations WHERE token_hash = $1 FOR UPDATE`, [tokenHash]);
    return locked[0] ? this.find(locked[0].id, manager) : null;
  }

  async markAccepted(manager: EntityManager, id: string, userId: string): Promise<void> {
    await manager.query(`UPDATE invitations SET status = 'accepted', accepted_by = $2, accepted_at = now() WHERE id = $1`, [id, userId]);
  }

  /** Puts the account on the contest's panel with what the organizer said of the judge. */
  async joinPanel(manager: EntityManager, invitation: InvitationRow, userId: string): Promise<void> {
    await manager.query(
      `INSERT INTO contest_judges (contest_id, user_id, organization, expertise, invited_by)
       SELECT $1, u.id, coalesce($3, u.organization), $4::text[], $5 FROM users u WHERE u.id = $2
       ON CONFLICT (contest_id, user_id) DO UPDATE SET organization = coalesce($3, contest_judges.organization), expertise = $4::text[]`,
      [invitation.contestId, userId, invitation.organization, invitation.expertise, invitation.invitedBy],
    );
  }

  /** Revokes a contest's pending invitations of this address (the judge was removed from the panel). */
  async revokePending(manager: EntityManager, contestId: string, email: string): Promise<void> {
    await manager.query(
      `UPDATE invitations SET status = 'revoked' WHERE contest_id = $1 AND lower(email) = lower($2) AND status = 'pending'`,
      [contestId, email],
    );
  }
}
