import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { MailStatus, PanelStatus } from '@laurel/contracts';
import { AuditRepository } from './audit.repository';

/** A declined invitation is not on the panel. */
export type PanelEntryStatus = Exclude<PanelStatus, 'declined'>;

/** A judge on the panel (accepted) or an invitation still waiting for its mailbox holder. */
export interface PanelMemberRow {
  judgeId: string | null;
  invitationId: string | null;
  email: string;
  displayName: string;
  organization: string | null;
  expertise: string[];
  invitedAt: Date;
  status: PanelEntryStatus;
  mail: MailStatus | null;
  assigned: number;
  draft: number;
  submitted: number;
  recused: number;
}

export type PanelRemoval = 'removed' | 'not_on_panel' | 'has_submitted_sheets';

/** The judges of a contest and their invitations. */
@Injectable()
export class PanelRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
  ) {}

  /**
   * The panel with each judge's progress over every round of the contest, then the invitations
   * still pending (or expired) for addresses not on it, each with the state of its latest mail.
   */
  async list(contestId: string): Promise<PanelMemberRow[]> {
    const members: PanelMemberRow[] = await this.dataSource.query(
      `SELECT u.id AS "judgeId", inv.id AS "invitationId", u.email, u.display_name AS "displayName",
              coalesce(cj.organization, u.organization) AS organization, cj.expertise,
              cj.invited_at AS "invitedAt", 'accepted' AS status, m.status AS mail,
              count(a.id) FILTER (WHERE a.status = 'assigned')::int AS assigned,
              count(a.id) FILTER (WHERE a.status = 'assigned' AND s.status = 'draft')::int AS draft,
              count(a.id) FILTER (WHERE a.status = 'assigned' AND s.status = 'submitted')::int AS submitted,
              count(a.id) FILTER (WHERE a.status = 'recused')::int AS recused
         FROM contest_judges cj
         JOIN users u ON u.id = cj.user_id
         LEFT JOIN LATERAL (SELECT i.id, i.mail_id FROM invitations i
                             WHERE i.contest_id = cj.contest_id AND i.accepted_by = cj.user_id
                             ORDER BY i.accepted_at DESC LIMIT 1) inv ON true
         LEFT JOIN mail_outbox m ON m.id = inv.mail_id
         LEFT JOIN rounds r ON r.contest_id = cj.contest_id
         LEFT JOIN assignments a ON a.round_id = r.id AND a.judge_id = cj.user_id
         LEFT JOIN score_sheets s ON s.assignment_id = a.id
        WHERE cj.contest_id = $1
        GROUP BY u.id, cj.contest_id, cj.user_id, inv.id, m.status
        ORDER BY u.display_name, u.email`,
      [contestId],
    );
    const invited: PanelMemberRow[] = await this.dataSource.query(
      `SELECT NULL AS "judgeId", i.id AS "invitationId", i.email, i.display_name AS "displayName", i.organization, i.expertise,
              i.created_at AS "invitedAt", CASE WHEN i.expires_at <= now() THEN 'expired' ELSE 'pending' END AS status, m.status AS mail,
              0 AS assigned, 0 AS draft, 0 AS submitted, 0 AS recused
         FROM invitations i
         LEFT JOIN mail_outbox m ON m.id = i.mail_id
        WHERE i.contest_id = $1 AND i.status = 'pending'
          AND NOT EXISTS (SELECT 1 FROM contest_judges cj JOIN users u ON u.id = cj.user_id
                           WHERE cj.contest_id = i.contest_id AND lower(u.email) = lower(i.email))
        ORDER BY i.display_name, i.email`,
      [contestId],
    );
    return [...members, ...invited];
  }

  /** Is this address already a judge of the contest? Then an invitation only updates what the organizer said. */
  async memberByEmail(manager: EntityManager, contestId: string, email: string): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `SELECT u.id FROM contest_judges cj JOIN users u ON u.id = cj.user_id WHERE cj.contest_id = $1 AND lower(u.email) = lower($2)`,
      [contestId, email],
    );
    return rows[0]?.id ?? null;
  }

  async updateMember(
    manager: EntityManager,
    contestId: string,
    userId: string,
    organization: string | null,
    expertise: string[] | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE contest_judges SET organization = coalesce($3, organization), expertise = coalesce($4::text[], expertise)
        WHERE contest_id = $1 AND user_id = $2`,
      [contestId, userId, organization, expertise],
    );
  }

  /**
   * Takes a judge off the panel unless they submitted a sheet in the contest. Their assignments
   * in rounds not yet closed go too (with any draft); those of closed rounds stay as a record.
   */
  remove(contestId: string, userId: string, actorId: string): Promise<PanelRemoval> {
    return this.dataSource.transaction(async (manager) => {
      const member: unknown[] = await manager.query(`SELECT 1 FROM contest_judges WHERE contest_id = $1 AND user_id = $2 FOR UPDATE`, [
        contestId,
        userId,
      ]);
      if (member.length === 0) return 'not_on_panel';
      const submitted: unknown[] = await manager.query(
        `SELECT 1 FROM assignments a JOIN rounds r ON r.id = a.round_id JOIN score_sheets s ON s.assignment_id = a.id
          WHERE r.contest_id = $1 AND a.judge_id = $2 AND s.status = 'submitted' LIMIT 1`,
        [contestId, userId],
      );
      if (submitted.length > 0) return 'has_submitted_sheets';
      await manager.query(
        `DELETE FROM assignments a USING rounds r
          WHERE a.round_id = r.id AND r.contest_id = $1 AND a.judge_id = $2 AND r.status <> 'closed'`,
        [contestId, userId],
      );
      await manager.query(
        `UPDATE invitations SET status = 'revoked'
          WHERE contest_id = $1 AND status = 'pending' AND lower(email) = (SELECT lower(email) FROM users WHERE id = $2)`,
        [contestId, userId],
      );
      await manager.query(`DELETE FROM contest_judges WHERE contest_id = $1 AND user_id = $2`, [contestId, userId]);
      await this.audit.record(manager, {
        contestId,
        actorId,
        action: 'panel.judge_removed',
        subjectType: 'user',
        subjectId: userId,
        payload: {},
      });
      return 'removed';
    });
  }
}
