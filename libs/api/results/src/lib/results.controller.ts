import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer, type AuthUser, CurrentUser, entryNotFound, Roles, roundNotFound, ServerTiming, UuidPipe } from '@laurel/api-core';
import type { AdvanceResponse, EntrySheetsView, RoundResultsView } from '@laurel/contracts';
import { AdvanceDto } from './results.dto';
import { ResultsService } from './results.service';

const ROUND_ID = new UuidPipe(roundNotFound);
const ENTRY_ID = new UuidPipe(entryNotFound);

@ApiTags('results')
@ApiBearerAuth()
@Roles('organizer', 'admin')
@Controller('rounds')
export class ResultsController {
  constructor(private readonly results: ResultsService) {}

  @ApiOperation({
    summary: "The round's ranking with raw mean, method score and spread, and its reliability; a closed round answers its snapshot",
  })
  @ApiAnswer(200, 'RoundResultsView', { description: 'The ranking; the Server-Timing header says where the time went.' })
  @Get(':id/results')
  async roundResults(
    @CurrentUser() actor: AuthUser,
    @Param('id', ROUND_ID) roundId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const timing = new ServerTiming();
    const view: RoundResultsView = await this.results.roundResults(actor, roundId, timing);
    // Serialized here, so that the time it takes is measured with the rest.
    const body = timing.measureSync('json', () => JSON.stringify(view));
    void reply.header('content-type', 'application/json; charset=utf-8').header('server-timing', timing.header());
    return body;
  }

  @ApiOperation({ summary: "One entry's judges in the round and their sheets (values of submitted sheets only), from a ranking row" })
  @ApiAnswer(200, 'EntrySheetsView')
  @Get(':id/entries/:entryId/sheets')
  entrySheets(
    @CurrentUser() actor: AuthUser,
    @Param('id', ROUND_ID) roundId: string,
    @Param('entryId', ENTRY_ID) entryId: string,
  ): Promise<EntrySheetsView> {
    return this.results.entrySheets(actor, roundId, entryId);
  }

  @ApiOperation({
    summary: 'Advance the top N (per category when the round ranks by category) or everyone at or above minScore into the next round',
  })
  @HttpCode(200)
  @ApiAnswer(200, 'AdvanceResponse')
  @Post(':id/advance')
  advance(@CurrentUser() actor: AuthUser, @Param('id', ROUND_ID) roundId: string, @Body() dto: AdvanceDto): Promise<AdvanceResponse> {
    return this.results.advance(actor, roundId, dto);
  }
}
