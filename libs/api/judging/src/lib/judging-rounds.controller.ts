import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer, assignmentNotFound, type AuthUser, CurrentUser, Roles, roundNotFound, UuidPipe } from '@laurel/api-core';
import type { AssignmentView, AutoAssignResponse, RoundProgressView, RoundStateView } from '@laurel/contracts';
import { AssignmentsService } from './assignments.service';
import { AutoAssignDto, CreateAssignmentDto } from './judging.dto';
import { ProgressService } from './progress.service';
import { RoundClosedFilter } from './round-closed.filter';
import { RoundLifecycleService } from './round-lifecycle.service';

const ROUND_ID = new UuidPipe(roundNotFound);
const ASSIGNMENT_ID = new UuidPipe(assignmentNotFound);

/** The organizer's side of judging a round: its lifecycle, its assignments, its progress. */
@ApiTags('judging')
@ApiBearerAuth()
@Roles('organizer', 'admin')
@UseFilters(RoundClosedFilter)
@Controller()
export class JudgingRoundsController {
  constructor(
    private readonly lifecycle: RoundLifecycleService,
    private readonly assignments: AssignmentsService,
    private readonly progressService: ProgressService,
  ) {}

  @ApiOperation({
    summary: 'Open a draft round of a contest in judging; fixes the entries it covers',
    description:
      "Opens a draft round of a contest in judging: the eligible entries (or those advanced from the previous round) are fixed as the round's entries, and judges may score once assigned. Only the organizer who owns the contest, or an administrator; audited. Refusals: 404 `round.not_found`; 409 `round.transition_refused`, `round.contest_not_judging` or `round.previous_not_closed`; 422 `round.no_rubric` or `round.no_entries`.",
  })
  @HttpCode(200)
  @ApiAnswer(200, 'RoundStateView', 'The round, now open, with the number of entries it covers.')
  @Post('rounds/:id/open')
  open(@CurrentUser() actor: AuthUser, @Param('id', ROUND_ID) roundId: string): Promise<RoundStateView> {
    return this.lifecycle.open(actor, roundId);
  }

  @ApiOperation({
    summary: 'Close an open round; its sheets become read-only',
    description:
      'Closes an open round: its sheets become read-only (the database refuses any later write), and its results are computed from the submitted sheets. Only the organizer who owns the contest, or an administrator; audited. Refusals: 404 `round.not_found`; 409 `round.transition_refused`.',
  })
  @HttpCode(200)
  @ApiAnswer(200, 'RoundStateView', 'The round, now closed, with the number of entries it covered.')
  @Post('rounds/:id/close')
  close(@CurrentUser() actor: AuthUser, @Param('id', ROUND_ID) roundId: string): Promise<RoundStateView> {
    return this.lifecycle.close(actor, roundId);
  }

  @ApiOperation({
    summary: 'Assign judges to every entry of the round, avoiding conflicts; existing assignments stay',
    description:
      "Gives every entry of the round the round's number of judges from the panel and never pairing a judge with an entry they conflict with; existing assignments stay. Only the organizer who owns the contest, or an administrator; audited. Refusals: 404 `round.not_found`; 409 `round.not_open` or `round.closed`; 422 `assignment.infeasible` (its `details` say which entries lack judges).",
  })
  @HttpCode(200)
  @ApiAnswer(200, 'AutoAssignResponse', "The assignments this call made, each judge's load after it, and how many conflicts were avoided.")
  @Post('rounds/:id/assignments/auto')
  auto(@CurrentUser() actor: AuthUser, @Param('id', ROUND_ID) roundId: string, @Body() dto: AutoAssignDto): Promise<AutoAssignResponse> {
    return this.assignments.auto(actor, roundId, dto);
  }

  @ApiOperation({
    summary: 'Assign one judge to one entry by hand',
    description:
      'Assigns one judge of the panel to one entry of the round by hand. Only the organizer who owns the contest, or an administrator; audited. Refusals: 404 `round.not_found`; 409 `assignment.exists`, `round.not_open` or `round.closed`; 422 `assignment.unknown_pair` or `assignment.conflict_of_interest`.',
  })
  @ApiAnswer(201, 'AssignmentView', 'The new assignment with its judge, entry and status.')
  @Post('rounds/:id/assignments')
  assign(
    @CurrentUser() actor: AuthUser,
    @Param('id', ROUND_ID) roundId: string,
    @Body() dto: CreateAssignmentDto,
  ): Promise<AssignmentView> {
    return this.assignments.assign(actor, roundId, dto);
  }

  @ApiOperation({
    summary: 'The round’s assignments with their status',
    description:
      "The round's assignments: judge, entry, and where each stands (`todo`, `draft`, `submitted`, `recused`). Only the organizer who owns the contest, or an administrator. Refusals: 404 `round.not_found`.",
  })
  @ApiAnswer(200, ['AssignmentView'], "The round's assignments, each with its judge, entry and status.")
  @Get('rounds/:id/assignments')
  list(@CurrentUser() actor: AuthUser, @Param('id', ROUND_ID) roundId: string): Promise<AssignmentView[]> {
    return this.assignments.list(actor, roundId);
  }

  @ApiOperation({
    summary: 'Remove an assignment that has no submitted sheet',
    description:
      'Removes an assignment whose sheet was not submitted, while its round is not closed. Only the organizer who owns the contest, or an administrator; audited. Refusals: 404 `assignment.not_found`; 409 `assignment.has_submitted_sheet` or `round.closed`.',
  })
  @HttpCode(204)
  @ApiAnswer(204, null, 'The assignment is removed, with its unsubmitted sheet; no body.', { errors: [409] })
  @Delete('assignments/:id')
  remove(@CurrentUser() actor: AuthUser, @Param('id', ASSIGNMENT_ID) assignmentId: string): Promise<void> {
    return this.assignments.remove(actor, assignmentId);
  }

  @ApiOperation({
    summary: 'Per-judge progress, per-entry coverage and the judges × entries matrix',
    description:
      "How far the round's judging is: per judge their counts, per entry how many sheets are in, and the judges × entries matrix of statuses. Only the organizer who owns the contest, or an administrator. Refusals: 404 `round.not_found`.",
  })
  @ApiAnswer(
    200,
    'RoundProgressView',
    "The round's progress: per judge their counts, per entry its sheets in, and the judges × entries matrix of statuses.",
  )
  @Get('rounds/:id/progress')
  progress(@CurrentUser() actor: AuthUser, @Param('id', ROUND_ID) roundId: string): Promise<RoundProgressView> {
    return this.progressService.progress(actor, roundId);
  }
}
