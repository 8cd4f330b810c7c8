import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiAnswer, type AuthUser, CurrentUser, Public, Roles, roundNotFound, UuidPipe } from '@laurel/api-core';
import type { LiveTicketView, MyStageView, StageView } from '@laurel/contracts';
import { DrawRunSheetDto, SaveRunSheetDto, StageActionDto } from './pitch.dto';
import { StageStreamService } from './stage-stream.service';
import { StageService } from './stage.service';

const ROUND_ID = new UuidPipe(roundNotFound);

/**
 * Pitch day. Reading the stage and following it are for the round's organizer and its judges
 * (decided per round in the service: anyone else gets 404); changing it is the organizer's.
 */
@ApiTags('pitch')
@ApiBearerAuth()
@Controller('rounds')
export class PitchController {
  constructor(
    private readonly stages: StageService,
    private readonly streams: StageStreamService,
  ) {}

  @ApiOperation({
    summary: 'The run sheet and the stage: the organizer’s view, or a judge’s (no team names, with their assignment per entry)',
    description:
      "The run sheet and the stage of a round run live (pitch day): the order of teams and breaks, the team on stage with its clock, and what was revealed. The organizer who owns the contest (or an administrator) gets the full view with the judges' progress; a judge of the round gets the judges' view, without team names, with the assignment to open for each entry they score. Refusals: 404 `round.not_found` for anyone else; 409 `stage.not_live` (the round is not run live).",
  })
  @ApiAnswer(
    200,
    { oneOf: ['StageView', 'MyStageView'] },
    "The stage as the caller may see it: the organizer's full view, or a judge's view without team names, with the assignment to open per entry.",
    { errors: [409] },
  )
  @Get(':id/stage')
  read(@CurrentUser() actor: AuthUser, @Param('id', ROUND_ID) roundId: string): Promise<StageView | MyStageView> {
    return this.stages.read(actor, roundId);
  }

  @ApiOperation({
    summary: 'Save the run sheet: order, minutes and breaks; every team once; send the version last read (409 when stale)',
    description:
      'Saves the run sheet: the order of the teams (every entry of the round once), their pitch and questions minutes, and breaks; send the `version` last read. Only the organizer who owns the contest, or an administrator; audited. Refusals: 404 `round.not_found`; 409 `stage.stale` (reload), `stage.not_live` or `stage.round_closed`; 422 when the run sheet breaks a rule (a team missing or twice).',
  })
  @Roles('organizer', 'admin')
  @ApiAnswer(200, 'StageView', 'The stage with the saved run sheet and its new version.', { errors: [409, 422] })
  @Put(':id/run-sheet')
  save(@CurrentUser() actor: AuthUser, @Param('id', ROUND_ID) roundId: string, @Body() dto: SaveRunSheetDto): Promise<StageView> {
    return this.stages.saveRunSheet(actor, roundId, dto);
  }

  @ApiOperation({
    summary: 'Draw the pitching order again with a seed, before the first team starts (audited)',
    description:
      'Draws the pitching order again from a seed, so anyone can repeat the draw; only before the first team starts. Only the organizer who owns the contest, or an administrator; audited. Refusals: 404 `round.not_found`; 409 `stage.stale`, `stage.not_live` or the stage already started.',
  })
  @Roles('organizer', 'admin')
  @HttpCode(200)
  @ApiAnswer(200, 'StageView', 'The stage with the run sheet in its newly drawn order, the seed and its new version.')
  @Post(':id/run-sheet/draw')
  draw(@CurrentUser() actor: AuthUser, @Param('id', ROUND_ID) roundId: string, @Body() dto: DrawRunSheetDto): Promise<StageView> {
    return this.stages.draw(actor, roundId, dto);
  }

  @ApiOperation({
    summary: 'Control the stage: next, start, pause, resume, extend, skip, no_show, reveal; one of two presses on one version wins (409)',
    description:
      "Controls the stage: `next`, `start`, `pause`, `resume`, `extend`, `skip`, `no_show` and, once the round is closed, `reveal` of the awards tier by tier. Send the `version` last read: of two presses on one version one wins, the other gets 409. Judges' pages and the board follow within a second. Only the organizer who owns the contest, or an administrator; audited. Refusals: 404 `round.not_found`; 409 `stage.stale`, `stage.not_live`, `stage.round_not_open`, `stage.round_closed` or `stage.round_not_closed`; 422 when the action does not fit the stage (e.g. a team not on the run sheet).",
  })
  @Roles('organizer', 'admin')
  @HttpCode(200)
  @ApiAnswer(200, 'StageView', 'The stage after the action, with its new version.')
  @Post(':id/stage')
  act(@CurrentUser() actor: AuthUser, @Param('id', ROUND_ID) roundId: string, @Body() dto: StageActionDto): Promise<StageView> {
    return this.stages.act(actor, roundId, dto);
  }

  @ApiOperation({
    summary: 'A ticket valid 60 s to open the stage stream with EventSource (the round’s organizer or a judge of it)',
    description:
      'A ticket valid 60 s for opening the stage stream with EventSource, which cannot send an Authorization header: open the `url` answered. The organizer who owns the contest, an administrator, or a judge of the round. Refusals: 404 `round.not_found` for anyone else; 409 `stage.not_live`.',
  })
  @HttpCode(200)
  @ApiAnswer(200, 'LiveTicketView', "A ticket valid 60 s, when it expires, and the stream's URL to open with EventSource.")
  @Post(':id/stage/ticket')
  ticket(@CurrentUser() actor: AuthUser, @Param('id', ROUND_ID) roundId: string): Promise<LiveTicketView> {
    return this.streams.issueTicket(actor, roundId);
  }

  // Public to the guard only: the service accepts a ticket from the query string or a bearer token.
  @Public()
  @ApiQuery({ name: 'ticket', required: false, description: 'From POST /api/rounds/:id/stage/ticket' })
  @ApiProduces('text/event-stream')
  @ApiOperation({
    summary:
      'Server-sent events: `stage` on connect and after every change (a judge’s stream starts with `assignments`); a heartbeat every 15 s',
    description:
      "Server-sent events of the stage: `stage` on connect and after every change; a judge's stream starts with `assignments` (entry → assignment to open); a comment every 15 s keeps the connection open. Authenticated by the `ticket` query parameter from `POST /api/rounds/{id}/stage/ticket` (or a bearer token). Refusals (before the stream starts): 401 `live.ticket_invalid` or `auth.unauthenticated`; 404 `round.not_found`; 409 `stage.not_live`.",
  })
  @ApiAnswer(
    200,
    { stream: 'text/event-stream' },
    'A stream of server-sent events: `stage` on connect and after every change, `assignments` first for a judge.',
    { errors: [401, 409] },
  )
  @Get(':id/stage/events')
  async events(
    @Param('id', ROUND_ID) roundId: string,
    @Query('ticket') ticket: string | undefined,
    @CurrentUser() actor: AuthUser | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const stream = await this.streams.connect(roundId, typeof ticket === 'string' ? ticket : undefined, actor);
    void reply
      .header('content-type', 'text/event-stream; charset=utf-8')
      .header('cache-control', 'no-cache, no-transform')
      .header('x-accel-buffering', 'no')
      .send(stream);
  }
}
