import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer, type AuthUser, contestNotFound, CurrentUser, invitationNotFound, Roles, UuidPipe } from '@laurel/api-core';
import type { InviteJudgeResponse, PanelJudgeView } from '@laurel/contracts';
import { InviteJudgeDto } from './judging.dto';
import { judgeNotOnPanel, PanelService } from './panel.service';
import { RoundClosedFilter } from './round-closed.filter';

const CONTEST_ID = new UuidPipe(contestNotFound);
const JUDGE_ID = new UuidPipe(judgeNotOnPanel);
const INVITATION_ID = new UuidPipe(invitationNotFound);

@ApiTags('judging')
@ApiBearerAuth()
@Roles('organizer', 'admin')
@UseFilters(RoundClosedFilter)
@Controller('contests/:id/judges')
export class PanelController {
  constructor(private readonly panel: PanelService) {}

  @ApiOperation({
    summary: 'Mail a judge an invitation to this contest; 202, no token and no account data in the answer',
    description:
      'Mails a person an invitation to judge this contest; they accept it through `POST /api/invitations/accept`. The answer holds no token and no account data. Only the organizer who owns the contest, or an administrator; audited. Refusals: 404 `contest.not_found`; 409 `panel.contest_published`; 400 `validation_failed`.',
  })
  @ApiAnswer(
    202,
    'InviteJudgeResponse',
    'Whether the invitation is pending (with its id) or the address is already on the panel; never a token or account data.',
  )
  @Post()
  @HttpCode(202)
  invite(
    @CurrentUser() actor: AuthUser,
    @Param('id', CONTEST_ID) contestId: string,
    @Body() dto: InviteJudgeDto,
  ): Promise<InviteJudgeResponse> {
    return this.panel.invite(actor, contestId, dto);
  }

  @ApiOperation({
    summary: 'The panel with each judge’s progress',
    description:
      "The contest's panel: judges who accepted, with their progress (assigned, draft, submitted, recused), and invitations still waiting for their mailbox. Only the organizer who owns the contest, or an administrator. Refusals: 404 `contest.not_found`.",
  })
  @ApiAnswer(200, ['PanelJudgeView'], 'The panel: each judge with their progress, and each invitation still waiting for its mailbox.')
  @Get()
  list(@CurrentUser() actor: AuthUser, @Param('id', CONTEST_ID) contestId: string): Promise<PanelJudgeView[]> {
    return this.panel.list(actor, contestId);
  }

  @ApiOperation({
    summary: 'Take a judge off the panel (only one without submitted sheets)',
    description:
      'Takes a judge who has submitted no sheet in the contest off its panel; they lose their assignments with it. Only the organizer who owns the contest, or an administrator; audited. Refusals: 404 `contest.not_found` or `panel.judge_not_found`; 409 `panel.judge_has_submitted` (their scores keep a judge: remove their open assignments instead).',
  })
  @HttpCode(204)
  @ApiAnswer(204, null, 'The judge is off the panel, with their assignments; no body.', { errors: [409] })
  @Delete(':judgeId')
  remove(
    @CurrentUser() actor: AuthUser,
    @Param('id', CONTEST_ID) contestId: string,
    @Param('judgeId', JUDGE_ID) judgeId: string,
  ): Promise<void> {
    return this.panel.remove(actor, contestId, judgeId);
  }
}

/** Mailing an invitation again, with a new link (the old one stops working). */
@ApiTags('judging')
@ApiBearerAuth()
@Roles('organizer', 'admin')
@Controller('invitations')
export class InvitationsResendController {
  constructor(private readonly panel: PanelService) {}

  @ApiOperation({
    summary: 'Mail a pending invitation again with a new link; 202',
    description:
      'Mails a pending invitation again with a new link; the old link stops working. A judge invitation: the organizer who owns its contest, or an administrator; an organizer or administrator invitation: administrators. Refusals: 404 `invitation.not_found`; 409 `invitation.not_pending` (accepted or declined).',
  })
  @ApiAnswer(202, null, 'The invitation is mailed again with a new link; no body.')
  @Post(':id/resend')
  @HttpCode(202)
  resend(@CurrentUser() actor: AuthUser, @Param('id', INVITATION_ID) invitationId: string): Promise<void> {
    return this.panel.resend(actor, invitationId);
  }
}
