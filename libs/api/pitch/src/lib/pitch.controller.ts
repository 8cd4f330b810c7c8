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
  })
  @ApiAnswer(200, { oneOf: ['StageView', 'MyStageView'] }, { description: 'The organizer’s view, or a judge’s.' })
  @Get(':id/stage')
  read(@CurrentUser() actor: AuthUser, @Param('id', ROUND_ID) roundId: string): Promise<StageView | MyStageView> {
    return this.stages.read(actor, roundId);
  }

  @ApiOperation({ summary: 'Save the run sheet: order, minutes and breaks; every team once; send the version last read (409 when stale)' })
  @Roles('organizer', 'admin')
  @ApiAnswer(200, 'StageView', { errors: [409, 422] })
  @Put(':id/run-sheet')
  save(@CurrentUser() actor: AuthUser, @Param('id', ROUND_ID) roundId: string, @Body() dto: SaveRunSheetDto): Promise<StageView> {
    return this.stages.saveRunSheet(actor, roundId, dto);
  }

  @ApiOperation({ summary: 'Draw the pitching order again with a seed, before the first team starts (audited)' })
  @Roles('organizer', 'admin')
  @HttpCode(200)
  @ApiAnswer(200, 'StageView')
  @Post(':id/run-sheet/draw')
  draw(@CurrentUser() actor: AuthUser, @Param('id', ROUND_ID) roundId: string, @Body() dto: DrawRunSheetDto): Promise<StageView> {
    return this.stages.draw(actor, roundId, dto);
  }

  @ApiOperation({
    summary: 'Control the stage: next, start, pause, resume, extend, skip, no_show, reveal; one of two presses on one version wins (409)',
  })
  @Roles('organizer', 'admin')
  @HttpCode(200)
  @ApiAnswer(200, 'StageView')
  @Post(':id/stage')
  act(@CurrentUser() actor: AuthUser, @Param('id', ROUND_ID) roundId: string, @Body() dto: StageActionDto): Promise<StageView> {
    return this.stages.act(actor, roundId, dto);
  }

  @ApiOperation({ summary: 'A ticket valid 60 s to open the stage stream with EventSource (the round’s organizer or a judge of it)' })
  @HttpCode(200)
  @ApiAnswer(200, 'LiveTicketView')
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
  })
  @ApiAnswer(200, { stream: 'text/event-stream' }, { errors: [401] })
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
