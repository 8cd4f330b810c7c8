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
    description:
      "The round's ranking: per entry its raw mean, the score by the round's aggregation method, the spread between judges, rank and outcome, and the round's reliability figures. An open round is computed from the sheets submitted so far; a closed round answers the snapshot stored when it closed. Only the organizer who owns the contest, or an administrator. Refusals: 404 `round.not_found`; 409 `results.inconsistent_scores`.",
  })
  @ApiAnswer(
    200,
    'RoundResultsView',
    "The round's ranking with each entry's scores, spread, rank and outcome, and the reliability figures; Server-Timing says where the time went.",
    { errors: [409] },
  )
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

  @ApiOperation({
    summary: "One entry's judges in the round and their sheets (values of submitted sheets only), from a ranking row",
    description:
      "One entry's judges in the round and their sheets, for looking behind a ranking row: values and comments of submitted sheets only, the status of the others. Only the organizer who owns the contest, or an administrator. Refusals: 404 `round.not_found` or `entry.not_found` (not in this round).",
  })
  @ApiAnswer(
    200,
    'EntrySheetsView',
    "The entry's sheets in the round, each judge's values and comments once submitted, with the round's criteria.",
  )
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
    description:
      'Advances entries of a closed round into the next round: the top N (per category when the round ranks by category), everyone at or above `minScore`, or only those with no criterion scored zero (`noZeroCriterion`), or several of these together. Only the organizer who owns the contest, or an administrator; audited. Refusals: 404 `round.not_found`; 409 `round.not_closed`, `round.next_started` or `round.contest_published`; 400 `advance.rule_required` or `advance.invalid_gates`; 422 `round.no_next_round` or `round.nobody_advances`.',
  })
  @HttpCode(200)
  @ApiAnswer(
    200,
    'AdvanceResponse',
    'Which entries advanced and which did not, and why, with the ties at the cut; with `preview` nothing was changed.',
  )
  @Post(':id/advance')
  advance(@CurrentUser() actor: AuthUser, @Param('id', ROUND_ID) roundId: string, @Body() dto: AdvanceDto): Promise<AdvanceResponse> {
    return this.results.advance(actor, roundId, dto);
  }
}
