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

  @ApiOperation({ summary: "The council, each member's decision and the tally on the confirmed awards (organizer and members)" })
  @ApiAnswer(200, 'CouncilView')
  @Get('contests/:id/awards/approvals')
  view(@CurrentUser() actor: AuthUser, @Param('id', CONTEST_ID) contestId: string): Promise<CouncilView> {
    return this.council.view(actor, contestId);
  }

  @ApiOperation({ summary: 'A council member approves or objects to the confirmed awards; answers the tally' })
  @HttpCode(200)
  @ApiAnswer(200, 'CouncilTallyView')
  @Post('contests/:id/awards/approvals')
  decide(
    @CurrentUser() actor: AuthUser,
    @Param('id', CONTEST_ID) contestId: string,
    @Body() dto: CouncilDecisionDto,
  ): Promise<CouncilTallyView> {
    return this.council.decide(actor, contestId, dto);
  }

  @ApiOperation({ summary: 'The contests whose council the caller sits on, not yet published' })
  @ApiAnswer(200, ['MyCouncilView'])
  @Get('me/council')
  mine(@CurrentUser() actor: AuthUser): Promise<MyCouncilView[]> {
    return this.council.mine(actor);
  }
}
