import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiAnswer, type AuthUser, contestNotFound, CurrentUser, Public, Roles, UuidPipe, voteNotFound } from '@laurel/api-core';
import type { BallotView, CastVoteResponse, ConfirmVoteResponse, VoteCountsView } from '@laurel/contracts';
import { CastVoteDto, ConfirmVoteDto, VoidVoteDto } from './votes.dto';
import { VotesService } from './votes.service';

const CONTEST_ID = new UuidPipe(contestNotFound);
const VOTE_ID = new UuidPipe(voteNotFound);

@ApiTags('public vote')
@Controller('public')
export class PublicVotesController {
  constructor(private readonly votes: VotesService) {}

  @Public()
  @ApiOperation({ summary: 'The entries on the ballot of a contest holding a public vote (public fields only)' })
  @ApiAnswer(200, 'BallotView')
  @Get('contests/:slug/ballot')
  ballot(@Param('slug') slug: string): Promise<BallotView> {
    return this.votes.ballot(slug);
  }

  @Public()
  @ApiOperation({ summary: 'Vote for an entry: a confirmation link is mailed; the vote counts once it is opened' })
  @ApiAnswer(202, 'CastVoteResponse', { errors: [409, 422, 429] })
  @HttpCode(202)
  @Post('contests/:slug/votes')
  cast(@Param('slug') slug: string, @Body() dto: CastVoteDto, @Req() request: FastifyRequest): Promise<CastVoteResponse> {
    return this.votes.cast(slug, dto, request.ip ?? null);
  }

  @Public()
  @ApiOperation({ summary: 'Confirm a vote with the token of its mailed link' })
  @ApiAnswer(200, 'ConfirmVoteResponse', { errors: [409] })
  @HttpCode(200)
  @Post('votes/confirm')
  confirm(@Body() dto: ConfirmVoteDto): Promise<ConfirmVoteResponse> {
    return this.votes.confirm(dto);
  }
}

@ApiTags('public vote')
@ApiBearerAuth()
@Roles('organizer', 'admin')
@Controller()
export class VotesController {
  constructor(private readonly votes: VotesService) {}

  @ApiOperation({ summary: 'Live counts per entry of the contest’s public vote, and the latest votes (addresses masked)' })
  @ApiAnswer(200, 'VoteCountsView')
  @Get('contests/:id/votes')
  counts(@CurrentUser() actor: AuthUser, @Param('id', CONTEST_ID) contestId: string): Promise<VoteCountsView> {
    return this.votes.counts(actor, contestId);
  }

  @ApiOperation({ summary: 'Void a counted vote, with a reason kept in the audit trail' })
  @ApiAnswer(204, null, { errors: [409] })
  @HttpCode(204)
  @Post('votes/:id/void')
  void(@CurrentUser() actor: AuthUser, @Param('id', VOTE_ID) voteId: string, @Body() dto: VoidVoteDto): Promise<void> {
    return this.votes.void(actor, voteId, dto);
  }
}
