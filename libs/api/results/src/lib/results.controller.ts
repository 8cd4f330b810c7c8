import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Roles } from '@laurel/api-core';
import type { AdvanceResponse, RoundResultsView } from '@laurel/contracts';
import { AdvanceDto } from './results.dto';
import { ResultsService } from './results.service';

@ApiTags('results')
@ApiBearerAuth()
@Roles('organizer', 'admin')
@Controller('rounds')
export class ResultsController {
  constructor(private readonly results: ResultsService) {}

  @ApiOperation({ summary: "The round's ranking with raw mean, method score and spread, and its reliability; a closed round answers its snapshot" })
  @Get(':id/results')
  roundResults(@CurrentUser() actor: AuthUser, @Param('id') roundId: string): Promise<RoundResultsView> {
    return this.results.roundResults(actor, roundId);
  }

  @ApiOperation({ summary: 'Advance the top N (per category when the round ranks by category) or everyone at or above minScore into the next round' })
  @HttpCode(200)
  @Post(':id/advance')
  advance(@CurrentUser() actor: AuthUser, @Param('id') roundId: string, @Body() dto: AdvanceDto): Promise<AdvanceResponse> {
    return this.results.advance(actor, roundId, dto);
  }
}
