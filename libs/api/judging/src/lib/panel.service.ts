import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AppError, type AuthUser } from '@laurel/api-core';
import { hashInviteToken, JudgingRepository, PanelRepository } from '@laurel/api-database';
import type { InviteJudgeResponse, PanelJudgeView } from '@laurel/contracts';
import type { InviteJudgeDto } from './judging.dto';
import { contestNotFound, isUuid, managed } from './judging-access';

const INVITE_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/** The contest's judging panel: invitations, the list with progress, removal. */
@Injectable()
export class PanelService {
  private readonly logger = new Logger(PanelService.name);

  constructor(
    private readonly judging: JudgingRepository,
    private readonly panel: PanelRepository,
  ) {}

  /**
   * Puts the e-mail's account on the panel, creating it without a password when it is new. The
   * answer carries the invite token once; only its hash is stored and the log never sees it.
   */
  async invite(actor: AuthUser, contestId: string, dto: InviteJudgeDto): Promise<InviteJudgeResponse> {
    const contest = managed(actor, isUuid(contestId) ? await this.judging.contest(contestId) : null, contestNotFound);
    if (contest.status === 'published') {
      throw AppError.conflict('panel.contest_published', 'The results of this contest are published; its panel no longer changes.');
    }
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + INVITE_TTL_MS);
    const added = await this.panel.add({
      contestId: contest.id,
      email: dto.email,
      displayName: dto.displayName,
      organization: dto.organization || null,
      expertise: dto.expertise ?? null,
      invitedBy: actor.id,
      invite: { tokenHash: hashInviteToken(token), expiresAt },
    });
    const { user } = added;
    this.logger.log(
      { userId: user.id, contestId: contest.id, invitedBy: actor.id, newAccount: added.created, inviteIssued: added.invited },
      added.invited ? 'Judge invite made' : 'Existing account linked to the panel',
    );
    return {
      user: {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        roles: user.roles,
        emailVerified: user.emailVerifiedAt !== null,
        language: user.language,
      },
      inviteToken: added.invited ? token : null,
      inviteUrl: added.invited ? `/accept-invite#token=${token}` : null,
      inviteExpiresAt: added.invited ? expiresAt.toISOString() : null,
    };
  }

  async list(actor: AuthUser, contestId: string): Promise<PanelJudgeView[]> {
    const contest = managed(actor, isUuid(contestId) ? await this.judging.contest(contestId) : null, contestNotFound);
    const rows = await this.panel.list(contest.id);
    return rows.map((r) => ({
      judgeId: r.judgeId,
      email: r.email,
      displayName: r.displayName,
      organization: r.organization,
      expertise: r.expertise,
      invitedAt: new Date(r.invitedAt).toISOString(),
      accepted: r.accepted,
      progress: { assigned: r.assigned, draft: r.draft, submitted: r.submitted, recused: r.recused },
    }));
  }

  async remove(actor: AuthUser, contestId: string, judgeId: string): Promise<void> {
    const contest = managed(actor, isUuid(contestId) ? await this.judging.contest(contestId) : null, contestNotFound);
    const outcome = isUuid(judgeId) ? await this.panel.remove(contest.id, judgeId, actor.id) : 'not_on_panel';
    if (outcome === 'not_on_panel') {
      throw AppError.notFound('panel.judge_not_found', 'This judge is not on the contest panel. Reload the panel.');
    }
    if (outcome === 'has_submitted_sheets') {
      throw AppError.conflict(
        'panel.judge_has_submitted',
        'This judge has submitted score sheets in the contest and stays on the panel so their scores keep a judge. Remove their open assignments instead.',
      );
    }
  }
}
