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
  @ApiOperation({
    summary: 'The entries on the ballot of a contest holding a public vote (public fields only)',
    description:
      'The entries on the ballot of a contest holding a public vote, with their public fields only, and whether voting is open. Anyone may read it. Refusals: 404 `vote.not_found` (no such contest, or it holds no public vote).',
  })
  @ApiAnswer(200, 'BallotView', 'The ballot: the entries with their public fields, and whether voting is open.')
  @Get('contests/:slug/ballot')
  ballot(@Param('slug') slug: string): Promise<BallotView> {
    return this.votes.ballot(slug);
  }

  @Public()
  @ApiOperation({
    summary: 'Vote for an entry: a confirmation link is mailed; the vote counts once it is opened',
    description:
      'Casts a public vote for an entry with an e-mail address: a confirmation link is mailed, and the vote counts once that link is opened. Anyone may vote while the vote is open. Refusals: 404 `vote.not_found`; 409 `vote.not_open` or `vote.closed`; 422 `vote.not_on_ballot`; 429 `vote.throttled` (wait as Retry-After says).',
  })
  @ApiAnswer(202, 'CastVoteResponse', 'The sentence saying the confirmation link was mailed; the vote counts once it is opened.', {
    errors: [409, 422, 429],
  })
  @HttpCode(202)
  @Post('contests/:slug/votes')
  cast(@Param('slug') slug: string, @Body() dto: CastVoteDto, @Req() request: FastifyRequest): Promise<CastVoteResponse> {
    return this.votes.cast(slug, dto, request.ip ?? null);
  }

  @Public()
  @ApiOperation({
    summary: 'Confirm a vote with the token of its mailed link',
    description:
      'Confirms a vote with the token of its mailed link; from then on it counts. Anyone holding the token may call it. Refusals: 404 `vote.token_unknown`; 409 `vote.already_counted`, `vote.voided` or `vote.closed`.',
  })
  @ApiAnswer(200, 'ConfirmVoteResponse', 'The vote now counts: the entry it went to.', { errors: [404, 409] })
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

  @ApiOperation({
    summary: 'Live counts per entry of the contest’s public vote, and the latest votes (addresses masked)',
    description:
      "Live counts per entry of the contest's public vote and the latest votes, with addresses masked, for watching the vote. Only the organizer who owns the contest, or an administrator. Refusals: 404 `contest.not_found` or `vote.not_found`.",
  })
  @ApiAnswer(
    200,
    'VoteCountsView',
    "The vote's settings, whether it is open, the counts per entry and the latest votes with addresses masked.",
  )
  @Get('contests/:id/votes')
  counts(@CurrentUser() actor: AuthUser, @Param('id', CONTEST_ID) contestId: string): Promise<VoteCountsView> {
    return this.votes.counts(actor, contestId);
  }

  @ApiOperation({
    summary: 'Void a counted vote, with a reason kept in the audit trail',
    description:
      'Voids a counted vote (a duplicate or an abuse), with a reason kept in the audit trail; it stops counting. Only the organizer who owns the contest, or an administrator; audited. Refusals: 404 `vote.not_found`; 409 `vote.already_voided`, `vote.not_counted` or `vote.round_closed`.',
  })
  @ApiAnswer(204, null, 'The vote no longer counts; the reason is in the audit trail. No body.', { errors: [409] })
  @HttpCode(204)
  @Post('votes/:id/void')
  void(@CurrentUser() actor: AuthUser, @Param('id', VOTE_ID) voteId: string, @Body() dto: VoidVoteDto): Promise<void> {
    return this.votes.void(actor, voteId, dto);
  }
}
