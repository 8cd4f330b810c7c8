import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError, type AuthUser, contestNotFound, managesContest } from '@laurel/api-core';
import type { CouncilDecisionValue, CouncilTallyView, CouncilView, MyCouncilView } from '@laurel/contracts';
import { AuditRepository, AwardsRepository, type CouncilMemberRow, CouncilRepository, type CouncilSettingsRow } from '@laurel/api-database';
import { MailOutbox } from '@laurel/api-mail';
import { DEFAULT_APPROVAL_SHARE, tallyCouncil } from '@laurel/domain';
import type { CouncilDecisionDto } from './council.dto';

export interface CouncilState {
  settings: CouncilSettingsRow;
  members: CouncilMemberRow[];
  tally: CouncilTallyView;
}

/**
 * The council's sign-off on the confirmed awards. Each member approves or objects (with a note);
 * publication waits for ⌈share × members⌉ approvals (`AwardsService.publish` asks `state`), and
 * confirming the awards again clears every decision (`AwardsService.confirm` calls `clear`).
 * A council without members (no judge in the final round and nobody named) needs no approval.
 */
@Injectable()
export class CouncilService {
  constructor(
    private readonly council: CouncilRepository,
    private readonly awards: AwardsRepository,
    private readonly audit: AuditRepository,
    private readonly mail: MailOutbox,
  ) {}

  /** The council, its decisions and the awards they are about: to the organizer and to members. */
  async view(actor: AuthUser, contestId: string): Promise<CouncilView> {
    const settings = await this.council.settings(contestId);
    if (!settings) throw contestNotFound();
    const members = await this.council.members(settings);
    const isMember = members.some((m) => m.userId === actor.id);
    if (!isMember && !managesContest(actor, settings)) throw contestNotFound();
    const [decisions, awards] = await Promise.all([this.council.decisions(contestId), this.awards.list(contestId)]);
    const byMember = new Map(decisions.map((d) => [d.memberId, d]));
    const confirmedAt = awards.reduce<Date | null>((latest, a) => (!latest || a.confirmedAt > latest ? a.confirmedAt : latest), null);
    return {
      contestId,
      contestName: settings.name,
      contestStatus: settings.status,
      named: settings.memberIds !== null,
      approvalShare: shareOf(settings),
      members: members.map((m) => {
        const decision = byMember.get(m.userId);
        return {
          userId: m.userId,
          displayName: m.displayName,
          organization: m.organization,
          decision: decision?.decision ?? null,
          note: decision?.note ?? null,
          decidedAt: decision?.decidedAt.toISOString() ?? null,
        };
      }),
      tally: tally(settings, members, decisions),
      isMember,
      awardsConfirmedAt: confirmedAt?.toISOString() ?? null,
      awards: awards.map((a) => ({ ...a, confirmedAt: a.confirmedAt.toISOString() })),
      publishedAt: settings.publishedAt?.toISOString() ?? null,
    };
  }

  /** A member's approval or objection of the awards as they stand; answers the new tally. */
  async decide(actor: AuthUser, contestId: string, dto: CouncilDecisionDto): Promise<CouncilTallyView> {
    return this.awards.withContestLock(contestId, async (state, tx) => {
      const settings = state ? await this.council.settings(contestId, tx) : null;
      if (!settings) throw notOnCouncil();
      const members = await this.council.members(settings, tx);
      if (!members.some((m) => m.userId === actor.id)) throw notOnCouncil();
      if (settings.status === 'published') {
        throw AppError.conflict('awards.published', 'The results of this contest are published; the council has nothing left to decide.');
      }
      if ((await this.awards.count(tx, contestId)) === 0) {
        throw AppError.conflict(
          'awards.not_confirmed',
          'The organizer has not confirmed the awards yet. You will be asked by mail once there is a list to decide on.',
        );
      }
      const note = dto.note ?? null;
      await this.council.decide(tx, contestId, actor.id, dto.decision, note);
      const decisions = await this.council.decisions(contestId, tx);
      const result = tally(settings, members, decisions);
      await this.audit.record(tx, {
        contestId,
        actorId: actor.id,
        action: dto.decision === 'approve' ? 'awards.approved' : 'awards.objected',
        subjectType: 'contest',
        subjectId: contestId,
        payload: { decision: dto.decision, note, tally: result },
      });
      return result;
    });
  }

  /** The contests whose council the caller sits on and that are not published yet. */
  async mine(actor: AuthUser): Promise<MyCouncilView[]> {
    const contests = await this.council.contestsOf(actor.id);
    return Promise.all(
      contests.map(async (settings) => {
        const [members, decisions, awards] = await Promise.all([
          this.council.members(settings),
          this.council.decisions(settings.contestId),
          this.awards.list(settings.contestId),
        ]);
        const confirmedAt = awards.reduce<Date | null>((latest, a) => (!latest || a.confirmedAt > latest ? a.confirmedAt : latest), null);
        return {
          contestId: settings.contestId,
          contestName: settings.name,
          awardsConfirmedAt: confirmedAt?.toISOString() ?? null,
          myDecision: decisions.find((d) => d.memberId === actor.id)?.decision ?? null,
          tally: tally(settings, members, decisions),
        };
      }),
    );
  }

  /** The council and its tally inside the caller's transaction (which holds the contest lock). */
  async state(tx: EntityManager, contestId: string): Promise<CouncilState> {
    const settings = (await this.council.settings(contestId, tx)) as CouncilSettingsRow;
    const members = await this.council.members(settings, tx);
    return { settings, members, tally: tally(settings, members, await this.council.decisions(contestId, tx)) };
  }

  /** The awards changed: every decision made on the old list goes. */
  clear(tx: EntityManager, contestId: string): Promise<number> {
    return this.council.clear(tx, contestId);
  }

  /**
   * Asks every member, by mail in their own language, to approve the list just confirmed. Written
   * in the confirmation's transaction, so a request exists exactly when the list it is about does.
   * Returns how many members were asked (none when the council has no members).
   */
  async requestApproval(tx: EntityManager, contest: { id: string; name: string }, awards: number): Promise<number> {
    const { members, tally: counts } = await this.state(tx, contest.id);
    for (const member of members) {
      await this.mail.enqueue(tx, {
        to: member.email,
        language: member.language,
        template: 'council_approval_request',
        params: {
          displayName: member.displayName,
          contestName: contest.name,
          contestId: contest.id,
          awards,
          members: counts.members,
          required: counts.required,
        },
        userId: member.userId,
        contestId: contest.id,
      });
    }
    return members.length;
  }
}

function shareOf(settings: CouncilSettingsRow): number {
  return settings.approvalShare ?? DEFAULT_APPROVAL_SHARE;
}

function tally(
  settings: CouncilSettingsRow,
  members: CouncilMemberRow[],
  decisions: { memberId: string; decision: CouncilDecisionValue }[],
): CouncilTallyView {
  return tallyCouncil(
    members.map((m) => m.userId),
    new Map(decisions.map((d) => [d.memberId, d.decision])),
    shareOf(settings),
  );
}

function notOnCouncil(): AppError {
  return AppError.notFound('council.not_found', 'You are not on the council of a contest with this id. Check the link in your mail.');
}

/** The sentence of a 422 `awards.not_approved`. */
export function notApprovedMessage(t: CouncilTallyView): string {
  return (
    `The council has not approved the awards yet: ${t.approvals} of ${t.members} members approved` +
    `${t.objections > 0 ? ` and ${t.objections} objected` : ''}; ${t.required} approvals are needed. ` +
    'Ask the members to decide on their council page, or change the awards if they object.'
  );
}
