import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UserEntity } from '../entities';
import { AuditRepository } from './audit.repository';
import { returningRows } from './returning-rows';

export interface PanelMemberRow {
  judgeId: string;
  email: string;
  displayName: string;
  organization: string | null;
  expertise: string[];
  invitedAt: Date;
  accepted: boolean;
  assigned: number;
  draft: number;
  submitted: number;
  recused: number;
}

export interface NewPanelJudge {
  contestId: string;
  email: string;
  displayName: string;
  /** Null: keep what the panel or the account already says. */
  organization: string | null;
  expertise: string[] | null;
  invitedBy: string;
  /** Stored for an account without a password, which the invite lets the judge set. */
  invite: { tokenHash: string; expiresAt: Date };
}

export interface PanelJudgeAdded {
  user: UserEntity;
  /** False when the e-mail already had an account, which was linked instead. */
  created: boolean;
  /** False when the account already has a password: no invite was stored. */
  invited: boolean;
}

export type PanelRemoval = 'removed' | 'not_on_panel' | 'has_submitted_sheets';

/** The judges of a contest and their invitations. */
@Injectable()
export class PanelRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
  ) {}

  /** The panel with each judge's progress over every round of the contest. */
  list(contestId: string): Promise<PanelMemberRow[]> {
    return this.dataSource.query(
      `SELECT u.id AS "judgeId", u.email, u.display_name AS "displayName",
              coalesce(cj.organization, u.organization) AS organization, cj.expertise,
              cj.invited_at AS "invitedAt", (u.password_hash IS NOT NULL) AS accepted,
              count(a.id) FILTER (WHERE a.status = 'assigned')::int AS assigned,
              count(a.id) FILTER (WHERE a.status = 'assigned' AND s.status = 'draft')::int AS draft,
              count(a.id) FILTER (WHERE a.status = 'assigned' AND s.status = 'submitted')::int AS submitted,
              count(a.id) FILTER (WHERE a.status = 'recused')::int AS recused
         FROM contest_judges cj
         JOIN users u ON u.id = cj.user_id
         LEFT JOIN rounds r ON r.contest_id = cj.contest_id
         LEFT JOIN assignments a ON a.round_id = r.id AND a.judge_id = cj.user_id
         LEFT JOIN score_sheets s ON s.assignment_id = a.id
        WHERE cj.contest_id = $1
        GROUP BY u.id, cj.contest_id, cj.user_id
        ORDER BY u.display_name, u.email`,
      [contestId],
    );
  }

  /**
   * Puts the e-mail's account on the panel in one transaction: creates it (role judge, no
   * password) or links the existing one (adding the judge role once), records the panel row
   * (a second invitation updates organization and expertise) and, for an account that has no
   * password yet, stores the invite, replacing any earlier unused one so that one link is live.
   */
  add(judge: NewPanelJudge): Promise<PanelJudgeAdded> {
    return this.dataSource.transaction(async (manager) => {
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO users (email, password_hash, display_name, roles, organization)
         VALUES ($1, NULL, $2, '{judge}', $3)
         ON CONFLICT ((lower(email))) DO NOTHING RETURNING id`,
        [judge.email, judge.displayName, judge.organization],
      );
      const created = inserted.length > 0;
      const [{ id: userId }]: { id: string }[] = created
        ? inserted
        : await returningRows<{ id: string }>(
            manager,
            `UPDATE users SET roles = CASE WHEN 'judge' = ANY(roles) THEN roles ELSE array_append(roles, 'judge') END,
                              updated_at = CASE WHEN 'judge' = ANY(roles) THEN updated_at ELSE now() END
              WHERE lower(email) = lower($1) RETURNING id`,
            [judge.email],
          );
      await manager.query(
        `INSERT INTO contest_judges (contest_id, user_id, organization, expertise, invited_by)
         SELECT $1, u.id, coalesce($3, u.organization), coalesce($4::text[], '{}'), $5 FROM users u WHERE u.id = $2
         ON CONFLICT (contest_id, user_id) DO UPDATE
            SET organization = coalesce($3, contest_judges.organization),
                expertise = coalesce($4::text[], contest_judges.expertise)`,
        [judge.contestId, userId, judge.organization, judge.expertise, judge.invitedBy],
      );
      const user = (await manager.findOne(UserEntity, { where: { id: userId } })) as UserEntity;
      await this.audit.record(manager, {
        contestId: judge.contestId,
        actorId: judge.invitedBy,
        action: 'panel.judge_invited',
        subjectType: 'user',
        subjectId: userId,
        payload: { newAccount: created, inviteIssued: !user.passwordHash },
      });
      if (user.passwordHash) return { user, created, invited: false };
      await manager.query(`DELETE FROM invites WHERE user_id = $1 AND used_at IS NULL`, [userId]);
      await manager.query(
        `INSERT INTO invites (user_id, contest_id, token_hash, expires_at, created_by) VALUES ($1, $2, $3, $4, $5)`,
        [userId, judge.contestId, judge.invite.tokenHash, judge.invite.expiresAt, judge.invitedBy],
      );
      return { user, created, invited: true };
    });
  }

  /**
   * Takes a judge off the panel unless they submitted a sheet in the contest. Their assignments
   * in rounds not yet closed go too (with any draft); those of closed rounds stay as a record.
   */
  remove(contestId: string, userId: string, actorId: string): Promise<PanelRemoval> {
    return this.dataSource.transaction(async (manager) => {
      const member: unknown[] = await manager.query(
        `SELECT 1 FROM contest_judges WHERE contest_id = $1 AND user_id = $2 FOR UPDATE`,
        [contestId, userId],
      );
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
      await manager.query(`DELETE FROM invites WHERE contest_id = $1 AND user_id = $2 AND used_at IS NULL`, [contestId, userId]);
      await manager.query(`DELETE FROM contest_judges WHERE contest_id = $1 AND user_id = $2`, [contestId, userId]);
      await this.audit.record(manager, { contestId, actorId, action: 'panel.judge_removed', subjectType: 'user', subjectId: userId, payload: {} });
      return 'removed';
    });
  }
}
