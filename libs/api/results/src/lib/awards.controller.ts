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
  @ApiOperation({ summary: "Prize places from the final round's ranking; ties across a tier boundary are marked needsDecision" })
  @ApiAnswer(200, 'AwardsProposalView', { errors: [409] })
  @Get('contests/:id/awards/proposal')
  proposal(@CurrentUser() actor: AuthUser, @Param('id', CONTEST_ID) contestId: string): Promise<AwardsProposalView> {
    return this.awards.proposal(actor, contestId);
  }

  @ApiBearerAuth()
  @Roles('organizer', 'admin')
  @ApiOperation({ summary: 'The confirmed awards' })
  @ApiAnswer(200, 'ConfirmedAwardsView')
  @Get('contests/:id/awards')
  confirmed(@CurrentUser() actor: AuthUser, @Param('id', CONTEST_ID) contestId: string): Promise<ConfirmedAwardsView> {
    return this.awards.confirmed(actor, contestId);
  }

  @ApiBearerAuth()
  @Roles('organizer', 'admin')
  @ApiOperation({
    summary: 'Confirm every award (replaces an earlier confirmation); an award that differs from the proposal needs a reason',
  })
  @HttpCode(200)
  @ApiAnswer(200, 'ConfirmedAwardsView')
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
  @ApiOperation({ summary: 'Make the awards and the final ranking public; final' })
  @HttpCode(200)
  @ApiAnswer(200, 'PublishResponse')
  @Post('contests/:id/publish')
  publish(@CurrentUser() actor: AuthUser, @Param('id', CONTEST_ID) contestId: string): Promise<PublishResponse> {
    return this.awards.publish(actor, contestId);
  }

  @Public()
  @ApiOperation({ summary: 'Published awards and final ranking; no judge, sheet or per-judge number' })
  @ApiAnswer(200, 'PublicResultsView')
  @Get('public/contests/:slug/results')
  publicResults(@Param('slug') slug: string): Promise<PublicResultsView> {
    return this.awards.publicResults(slug);
  }
}
