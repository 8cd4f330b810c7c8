import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiAnswer, type AuthUser, CurrentUser, Public, Roles, roundNotFound, UuidPipe } from '@laurel/api-core';
import type { LiveTicketView } from '@laurel/contracts';
import { LiveBoardService } from './live-board.service';

const ROUND_ID = new UuidPipe(roundNotFound);

@ApiTags('live')
@Controller('rounds')
export class LiveController {
  constructor(private readonly live: LiveBoardService) {}

  @ApiBearerAuth()
  @Roles('organizer', 'admin')
  @ApiOperation({
    summary: 'A ticket valid 60 s to open the live stream with EventSource (which cannot send headers)',
    description:
      "A ticket valid 60 s for opening the round's live standings stream with EventSource, which cannot send an Authorization header: open the `url` answered. Only the organizer who owns the contest, or an administrator. Refusals: 404 `round.not_found`.",
  })
  @HttpCode(200)
  @ApiAnswer(200, 'LiveTicketView', "A ticket valid 60 s, when it expires, and the stream's URL to open with EventSource.")
  @Post(':id/live-ticket')
  ticket(@CurrentUser() actor: AuthUser, @Param('id', ROUND_ID) roundId: string): Promise<LiveTicketView> {
    return this.live.issueTicket(actor, roundId);
  }

  // Public to the guard only: the service accepts a ticket from the query string or a bearer token.
  @Public()
  @ApiBearerAuth()
  @ApiQuery({ name: 'ticket', required: false, description: 'From POST /api/rounds/:id/live-ticket' })
  @ApiProduces('text/event-stream')
  @ApiOperation({
    summary: 'Server-sent events: `standings` on connect and within a second of every submitted sheet; a heartbeat comment every 15 s',
    description:
      "Server-sent events of a round's standings for the live board: a `standings` event on connect and within a second of every submitted sheet, and a comment every 15 s to keep the connection open. Authenticated by the `ticket` query parameter from `POST /api/rounds/{id}/live-ticket` (or a bearer token). Refusals (before the stream starts): 401 `live.ticket_invalid` (expired: get a new ticket) or `auth.unauthenticated`; 403 `auth.role_required`; 404 `round.not_found`.",
  })
  @ApiAnswer(
    200,
    { stream: 'text/event-stream' },
    'A stream of server-sent events: `standings` on connect and within a second of every submitted sheet.',
    { errors: [401, 403] },
  )
  @Get(':id/live')
  async stream(
    @Param('id', ROUND_ID) roundId: string,
    @Query('ticket') ticket: string | undefined,
    @CurrentUser() actor: AuthUser | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const events = await this.live.connect(roundId, typeof ticket === 'string' ? ticket : undefined, actor);
    void reply
      .header('content-type', 'text/event-stream; charset=utf-8')
      .header('cache-control', 'no-cache, no-transform')
      .header('x-accel-buffering', 'no')
      .send(events);
  }
}
