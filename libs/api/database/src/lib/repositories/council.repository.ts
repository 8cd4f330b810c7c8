import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CouncilDecisionValue, MailLanguage } from '@laurel/contracts';

export interface CouncilSettingsRow {
  contestId: string;
  name: string;
  status: string;
  ownerId: string;
  memberIds: string[] | null;
  approvalShare: number | null;
  publishedAt: Date | null;
}

export interface CouncilMemberRow {
  userId: string;
  displayName: string;
  email: string;
  organization: string | null;
  /** The language of the mails this member receives. */
  language: MailLanguage;
}

export interface CouncilDecisionRow {
  memberId: string;
  decision: CouncilDecisionValue;
  note: string | null;
  decidedAt: Date;
}

/**
 * The council of a contest and its decisions on the award list. The members are the named ones,
 * or else the judges of the final round (the round with the highest order): every judge with an
 * assignment in it and, when its panel is `complete`, every judge of the contest's panel.
 */
@Injectable()
export class CouncilRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async settings(contestId: string, manager: EntityManager = this.dataSource.manager): Promise<CouncilSettingsRow | null> {
    const rows: CouncilSettingsRow[] = await manager.query(
      `SELECT id AS "contestId", name, status, owner_id AS "ownerId", council_member_ids AS "memberIds",
              council_approval_share AS "approvalShare", published_at AS "publishedAt"
         FROM contests WHERE id = $1`,
      [contestId],
    );
    return rows[0] ?? null;
  }

  /** The members in the order the organizer named them, or the final round's judges by name. */
  async members(
    settings: Pick<CouncilSettingsRow, 'contestId' | 'memberIds'>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CouncilMemberRow[]> {
    if (settings.memberIds !== null) {
      return manager.query(
        `SELECT u.id AS "userId", u.display_name AS "displayName", u.email, coalesce(cj.organization, u.organization) AS organization, u.language
           FROM unnest($2::uuid[]) WITH ORDINALITY AS m(id, position)
           JOIN users u ON u.id = m.id
           LEFT JOIN contest_judges cj ON cj.contest_id = $1 AND cj.user_id = u.id
          ORDER BY m.position`,
        [settings.contestId, settings.memberIds],
      );
    }
    return manager.query(
      `SELECT u.id AS "userId", u.display_name AS "displayName", u.email, coalesce(cj.organization, u.organization) AS organization, u.language
         FROM users u
         LEFT JOIN contest_judges cj ON cj.contest_id = $1 AND cj.user_id = u.id
        WHERE u.id IN (
          WITH final AS (SELECT r.id, r.panel FROM rounds r WHERE r.contest_id = $1 ORDER BY r."order" DESC LIMIT 1)
          SELECT a.judge_id FROM assignments a JOIN final ON a.round_id = final.id
          UNION
          SELECT j.user_id FROM contest_judges j JOIN final ON final.panel = 'complete' WHERE j.contest_id = $1)
        ORDER BY u.display_name, u.id`,
      [settings.contestId],
    );
  }

  async decisions(contestId: string, manager: EntityManager = this.dataSource.manager): Promise<CouncilDecisionRow[]> {
    return manager.query(
      `SELECT member_id AS "memberId", decision, note, decided_at AS "decidedAt" FROM award_approvals WHERE contest_id = $1`,
      [contestId],
    );
  }

  /** A member's decision replaces their earlier one; each member has a row of their own, so members deciding at once never collide. */
  async decide(
    manager: EntityManager,
    contestId: string,
    memberId: string,
    decision: CouncilDecisionValue,
    note: string | null,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO award_approvals (contest_id, member_id, decision, note) VALUES ($1, $2, $3, $4)
       ON CONFLICT (contest_id, member_id) DO UPDATE SET decision = EXCLUDED.decision, note = EXCLUDED.note, decided_at = now()`,
      [contestId, memberId, decision, note],
    );
  }

  /** Drops every decision of the contest (its awards changed); answers how many there were. */
  async clear(manager: EntityManager, contestId: string): Promise<number> {
    const rows: unknown[] = await manager.query(
      `WITH gone AS (DELETE FROM award_approvals WHERE contest_id = $1 RETURNING 1) SELECT 1 FROM gone`,
      [contestId],
    );
    return rows.length;
  }

  /** Contests not yet published whose council this user sits on (named, or as a judge of the final round). */
  async contestsOf(userId: string): Promise<CouncilSettingsRow[]> {
    return this.dataSource.query(
      `SELECT c.id AS "contestId", c.name, c.status, c.owner_id AS "ownerId", c.council_member_ids AS "memberIds",
              c.council_approval_share AS "approvalShare", c.published_at AS "publishedAt"
         FROM contests c
        WHERE c.status = 'judging'
          AND (CASE WHEN c.council_member_ids IS NOT NULL THEN $1 = ANY(c.council_member_ids)
                    ELSE EXISTS (WITH final AS (SELECT r.id, r.panel FROM rounds r WHERE r.contest_id = c.id ORDER BY r."order" DESC LIMIT 1)
                                 SELECT 1 FROM final
                                  WHERE EXISTS (SELECT 1 FROM assignments a WHERE a.round_id = final.id AND a.judge_id = $1)
                                     OR (final.panel = 'complete' AND EXISTS (SELECT 1 FROM contest_judges j WHERE j.contest_id = c.id AND j.user_id = $1))) END)
        ORDER BY c.year DESC, c.name`,
      [userId],
    );
  }
}
