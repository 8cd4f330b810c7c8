import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer, type AuthUser, contestNotFound, CurrentUser, UuidPipe } from '@laurel/api-core';
import type { CouncilTallyView, CouncilView, MyCouncilView } from '@laurel/contracts';
import { CouncilDecisionDto } from './council.dto';
import { CouncilService } from './council.service';

const CONTEST_ID = new UuidPipe(contestNotFound);

@ApiTags('council')
@ApiBearerAuth()
@Controller()
export class CouncilController {
  constructor(private readonly council: CouncilService) {}

  @ApiOperation({
    summary: "The council, each member's decision and the tally on the confirmed awards (organizer and members)",
    description:
      "The contest's council: each member, their decision on the confirmed awards (approve or object, with a note) and the tally. Its members and the organizer who owns the contest (or an administrator) may read it. Refusals: 404 `contest.not_found`, also for anyone else.",
  })
  @ApiAnswer(200, 'CouncilView', 'The council: each member with their decision and note, and the tally against the approvals required.')
  @Get('contests/:id/awards/approvals')
  view(@CurrentUser() actor: AuthUser, @Param('id', CONTEST_ID) contestId: string): Promise<CouncilView> {
    return this.council.view(actor, contestId);
  }

  @ApiOperation({
    summary: 'A council member approves or objects to the confirmed awards; answers the tally',
    description:
      "A council member approves or objects to the confirmed awards (an objection with a note); answers the tally. Members may change their decision until publication. Only members of the contest's council. Refusals: 404 `council.not_found` (not a member); 409 `awards.not_confirmed` or `awards.published`; 400 `validation_failed`.",
  })
  @HttpCode(200)
  @ApiAnswer(
    200,
    'CouncilTallyView',
    'The tally after the decision: members, approvals, objections, approvals required and whether they are reached.',
  )
  @Post('contests/:id/awards/approvals')
  decide(
    @CurrentUser() actor: AuthUser,
    @Param('id', CONTEST_ID) contestId: string,
    @Body() dto: CouncilDecisionDto,
  ): Promise<CouncilTallyView> {
    return this.council.decide(actor, contestId, dto);
  }

  @ApiOperation({
    summary: 'The contests whose council the caller sits on, not yet published',
    description:
      'The contests, not yet published, whose council the signed-in account sits on, with the state of the awards to decide on. Any signed-in account (empty when on no council).',
  })
  @ApiAnswer(
    200,
    ['MyCouncilView'],
    "The contests whose council the caller sits on, each with the awards' state, the caller's decision and the tally.",
  )
  @Get('me/council')
  mine(@CurrentUser() actor: AuthUser): Promise<MyCouncilView[]> {
    return this.council.mine(actor);
  }
}
