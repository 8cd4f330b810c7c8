import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer, type AuthUser, contestNotFound, CurrentUser, Public, Roles, UuidPipe } from '@laurel/api-core';
import type { AwardsProposalView, ConfirmedAwardsView, PublicResultsView, PublishResponse } from '@laurel/contracts';
import { AwardsService } from './awards.service';
import { ConfirmAwardsDto } from './results.dto';

const CONTEST_ID = new UuidPipe(contestNotFound);

@ApiTags('awards')
@Controller()
export class AwardsController {
  constructor(private readonly awards: AwardsService) {}

  @ApiBearerAuth()
  @Roles('organizer', 'admin')
  @ApiOperation({
    summary: "Prize places from the final round's ranking; ties across a tier boundary are marked needsDecision",
    description:
      "The prize places the final round's ranking gives, tier by tier; entries tied across a tier boundary are marked `needsDecision` for the organizer to settle. Only the organizer who owns the contest, or an administrator. Refusals: 404 `contest.not_found`; 409 `awards.final_round_not_closed`; 422 `awards.no_rounds` or `awards.prizes_mismatch`.",
  })
  @ApiAnswer(
    200,
    'AwardsProposalView',
    'The proposed prize places, tier by tier, with the entries tied across a tier boundary marked `needsDecision`.',
    { errors: [409, 422] },
  )
  @Get('contests/:id/awards/proposal')
  proposal(@CurrentUser() actor: AuthUser, @Param('id', CONTEST_ID) contestId: string): Promise<AwardsProposalView> {
    return this.awards.proposal(actor, contestId);
  }

  @ApiBearerAuth()
  @Roles('organizer', 'admin')
  @ApiOperation({
    summary: 'The confirmed awards',
    description:
      'The awards as confirmed (empty before the first confirmation), with who confirmed them and when. Only the organizer who owns the contest, or an administrator. Refusals: 404 `contest.not_found`.',
  })
  @ApiAnswer(200, 'ConfirmedAwardsView', 'The awards as confirmed, with who confirmed them and when (empty before the first confirmation).')
  @Get('contests/:id/awards')
  confirmed(@CurrentUser() actor: AuthUser, @Param('id', CONTEST_ID) contestId: string): Promise<ConfirmedAwardsView> {
    return this.awards.confirmed(actor, contestId);
  }

  @ApiBearerAuth()
  @Roles('organizer', 'admin')
  @ApiOperation({
    summary: 'Confirm every award (replaces an earlier confirmation); an award that differs from the proposal needs a reason',
    description:
      "Confirms every award at once, replacing an earlier confirmation; an award that departs from the proposal needs a reason. Only the organizer who owns the contest, or an administrator; audited. Refusals: 404 `contest.not_found`; 409 `awards.published`; 422 `awards.invalid` (its `fields` name each award's problem).",
  })
  @HttpCode(200)
  @ApiAnswer(200, 'ConfirmedAwardsView', 'The awards as now confirmed, with who confirmed them and when.')
  @Post('contests/:id/awards')
  confirm(
    @CurrentUser() actor: AuthUser,
    @Param('id', CONTEST_ID) contestId: string,
    @Body() dto: ConfirmAwardsDto,
  ): Promise<ConfirmedAwardsView> {
    return this.awards.confirm(actor, contestId, dto);
  }

  @ApiBearerAuth()
  @Roles('organizer', 'admin')
  @ApiOperation({
    summary: 'Make the awards and the final ranking public; final',
    description:
      'Makes the confirmed awards and the final ranking public and moves the contest to `published`; teams then see their feedback where the contest gives it. Final: it cannot be undone. Only the organizer who owns the contest, or an administrator; audited. Refusals: 404 `contest.not_found`; 409 `contest.already_published` or `contest.not_judging`; 422 `contest.awards_not_confirmed` or `awards.not_approved` (the council has not approved).',
  })
  @HttpCode(200)
  @ApiAnswer(200, 'PublishResponse', 'The contest, now published, with the time of publication.')
  @Post('contests/:id/publish')
  publish(@CurrentUser() actor: AuthUser, @Param('id', CONTEST_ID) contestId: string): Promise<PublishResponse> {
    return this.awards.publish(actor, contestId);
  }

  @Public()
  @ApiOperation({
    summary: 'Published awards and final ranking; no judge, sheet or per-judge number',
    description:
      "A published contest's awards and final ranking, for anyone: entries, teams, prizes and final scores, never a judge, a sheet or a per-judge number. Refusals: 404 `results.not_published` (unknown slug, or not published yet).",
  })
  @ApiAnswer(200, 'PublicResultsView', 'The published awards and final ranking: entries, teams, prizes and final scores.')
  @Get('public/contests/:slug/results')
  publicResults(@Param('slug') slug: string): Promise<PublicResultsView> {
    return this.awards.publicResults(slug);
  }
}
