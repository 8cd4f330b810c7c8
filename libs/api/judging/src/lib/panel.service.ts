import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppError, type AuthUser, contestNotFound, hasRole, invitationNotFound, managedOr404, managesContest } from '@laurel/api-core';
import {
  AuditRepository,
  ConflictsRepository,
  InvitationsRepository,
  type InvitationRow,
  JudgingRepository,
  PanelRepository,
  UsersRepository,
} from '@laurel/api-database';
import { MailOutbox } from '@laurel/api-mail';
import type { InviteJudgeResponse, PanelJudgeView } from '@laurel/contracts';
import type { InviteJudgeDto } from './judging.dto';

const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

const newToken = () => randomBytes(32).toString('base64url');
const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * The contest's judging panel. A judge is invited by mail only: the invitation (one per address
 * and contest) waits until the mailbox holder accepts it, and the organizer's answer carries no
 * token and nothing about any account using the address.
 */
@Injectable()
export class PanelService {
  private readonly logger = new Logger(PanelService.name);

  constructor(
    private readonly judging: JudgingRepository,
    private readonly panel: PanelRepository,
    private readonly invitations: InvitationsRepository,
    private readonly users: UsersRepository,
    private readonly mail: MailOutbox,
    private readonly audit: AuditRepository,
    private readonly conflicts: ConflictsRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async invite(actor: AuthUser, contestId: string, dto: InviteJudgeDto): Promise<InviteJudgeResponse> {
    const contest = managedOr404(actor, await this.judging.contest(contestId), contestNotFound);
    if (contest.status === 'published') {
      throw AppError.conflict('panel.contest_published', 'The results of this contest are published; its panel no longer changes.');
    }
    // Written in the invitee's language when an account uses the address (the organizer is not told).
    const account = await this.users.findByEmail(dto.email);
    return this.dataSource.transaction(async (manager) => {
      const memberId = await this.panel.memberByEmail(manager, contest.id, dto.email);
      if (memberId) {
        await this.panel.updateMember(manager, contest.id, memberId, dto.organization || null, dto.expertise ?? null);
        // The judge's organization in this contest may have changed: detection where the facts change.
        await this.conflicts.recordDetected(manager, { judgeIds: [memberId], contestId: contest.id }, actor.id);
        return { invitationId: null, status: 'accepted' as const };
      }
      const token = newToken();
      const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
      const invitationId = await this.invitations.upsertPending(manager, {
        kind: 'judge',
        contestId: contest.id,
        email: dto.email,
        displayName: dto.displayName,
        organization: dto.organization || null,
        expertise: dto.expertise ?? null,
        language: account?.language ?? 'vi',
        tokenHash: hashToken(token),
        expiresAt,
        invitedBy: actor.id,
      });
      const mailId = await this.mail.enqueue(manager, {
        to: dto.email,
        language: account?.language ?? 'vi',
        template: 'judge_invitation',
        params: {
          displayName: dto.displayName,
          contestName: contest.name,
          invitedBy: actor.displayName,
          token,
          expiresAt: expiresAt.toISOString(),
        },
        contestId: contest.id,
      });
      await this.invitations.setMail(manager, invitationId, mailId);
      await this.audit.record(manager, {
        contestId: contest.id,
        actorId: actor.id,
        action: 'panel.judge_invited',
        subjectType: 'invitation',
        subjectId: invitationId,
        payload: { displayName: dto.displayName },
      });
      this.logger.log({ contestId: contest.id, invitationId, invitedBy: actor.id }, 'Judge invitation mailed');
      return { invitationId, status: 'pending' as const };
    });
  }

  /** A new link for a pending invitation (the old one stops working), mailed again. */
  async resend(actor: AuthUser, invitationId: string): Promise<void> {
    const found = await this.invitations.find(invitationId);
    const invitation = found && (await this.mayManage(actor, found)) ? found : null;
    if (!invitation) throw invitationNotFound();
    if (invitation.status !== 'pending') {
      throw AppError.conflict('invitation.not_pending', 'This invitation was already accepted or withdrawn: there is nothing to resend.');
    }
    const token = newToken();
    const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
    await this.dataSource.transaction(async (manager) => {
      const renewed = await this.invitations.renewToken(manager, invitation.id, hashToken(token), expiresAt);
      if (!renewed)
        throw AppError.conflict('invitation.not_pending', 'This invitation was accepted meanwhile: there is nothing to resend.');
      const common = { to: renewed.email, language: renewed.language, contestId: renewed.contestId };
      const mailId =
        renewed.kind === 'judge'
          ? await this.mail.enqueue(manager, {
              ...common,
              template: 'judge_invitation',
              params: {
                displayName: renewed.displayName,
                contestName: renewed.contestName ?? '',
                invitedBy: renewed.inviterName ?? actor.displayName,
                token,
                expiresAt: expiresAt.toISOString(),
              },
            })
          : await this.mail.enqueue(manager, {
              ...common,
              template: 'account_invitation',
              params: {
                displayName: renewed.displayName,
                role: renewed.kind,
                invitedBy: renewed.inviterName,
                token,
                expiresAt: expiresAt.toISOString(),
              },
            });
      await this.invitations.setMail(manager, renewed.id, mailId);
      await this.audit.record(manager, {
        contestId: renewed.contestId,
        actorId: actor.id,
        action: 'invitation.resent',
        subjectType: 'invitation',
        subjectId: renewed.id,
      });
    });
  }

  async list(actor: AuthUser, contestId: string): Promise<PanelJudgeView[]> {
    const contest = managedOr404(actor, await this.judging.contest(contestId), contestNotFound);
    const rows = await this.panel.list(contest.id);
    return rows.map((r) => ({
      judgeId: r.judgeId,
      invitationId: r.invitationId,
      email: r.email,
      displayName: r.displayName,
      organization: r.organization,
      expertise: r.expertise,
      invitedAt: new Date(r.invitedAt).toISOString(),
      status: r.status,
      mail: r.mail,
      accepted: r.status === 'accepted',
      progress: { assigned: r.assigned, draft: r.draft, submitted: r.submitted, recused: r.recused },
    }));
  }

  async remove(actor: AuthUser, contestId: string, judgeId: string): Promise<void> {
    const contest = managedOr404(actor, await this.judging.contest(contestId), contestNotFound);
    const outcome = await this.panel.remove(contest.id, judgeId, actor.id);
    if (outcome === 'not_on_panel') {
      throw judgeNotOnPanel();
    }
    if (outcome === 'has_submitted_sheets') {
      throw AppError.conflict(
        'panel.judge_has_submitted',
        'This judge has submitted score sheets in the contest and stays on the panel so their scores keep a judge. Remove their open assignments instead.',
      );
    }
  }

  /** A judge invitation: its contest's organizer or an admin. An organizer or admin invitation: an admin. */
  private async mayManage(actor: AuthUser, invitation: InvitationRow): Promise<boolean> {
    if (invitation.kind !== 'judge' || !invitation.contestId) return hasRole(actor, 'admin');
    const contest = await this.judging.contest(invitation.contestId);
    return !!contest && managesContest(actor, contest);
  }
}

export const judgeNotOnPanel = () =>
  AppError.notFound('panel.judge_not_found', 'This judge is not on the contest panel. Reload the panel.');
