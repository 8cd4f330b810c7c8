import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiAnswer, type AuthUser, contestNotFound, CurrentUser, Public, Roles, UuidPipe } from '@laurel/api-core';
import type { ContestSummaryView, ContestView } from '@laurel/contracts';
import { ContestStatusDto, CreateContestDto, UpdateContestDto } from './contest.dto';
import { ContestsService } from './contests.service';

const CONTEST_ID = new UuidPipe(contestNotFound);

@ApiTags('contests')
@Controller('contests')
export class ContestsController {
  constructor(private readonly contests: ContestsService) {}

  @Public()
  @ApiOperation({ summary: 'Contests past draft; an organizer also sees their own drafts, an admin every contest' })
  @ApiAnswer(200, ['ContestView'])
  @Get()
  list(@CurrentUser() actor?: AuthUser): Promise<ContestView[]> {
    return this.contests.list(actor);
  }

  @ApiBearerAuth()
  @Roles('organizer', 'admin')
  @ApiOperation({ summary: 'The contests the caller owns, in any status' })
  @ApiAnswer(200, ['ContestView'])
  @Get('mine')
  mine(@CurrentUser() actor: AuthUser): Promise<ContestView[]> {
    return this.contests.listOwn(actor);
  }

  @ApiBearerAuth()
  @Roles('organizer', 'admin')
  @ApiOperation({ summary: "Counts for the organizer's dashboard: entries, open rounds' unsubmitted sheets, per contest the caller owns" })
  @ApiAnswer(200, ['ContestSummaryView'])
  @Get('mine/summary')
  summary(@CurrentUser() actor: AuthUser): Promise<ContestSummaryView[]> {
    return this.contests.summaries(actor);
  }

  @ApiBearerAuth()
  @Roles('organizer', 'admin')
  @ApiOperation({ summary: 'Create a draft contest with its categories and prizes' })
  @ApiAnswer(201, 'ContestView')
  @Post()
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateContestDto): Promise<ContestView> {
    return this.contests.create(actor, dto);
  }

  @Public()
  @ApiOperation({ summary: 'One contest by id or slug; a draft only to its owner and admins' })
  @ApiParam({ name: 'idOrSlug', description: 'The contest’s id, or its slug (`startup-talent-2026`)' })
  @ApiAnswer(200, 'ContestView')
  @Get(':idOrSlug')
  get(@Param('idOrSlug') idOrSlug: string, @CurrentUser() actor?: AuthUser): Promise<ContestView> {
    return this.contests.get(idOrSlug, actor);
  }

  @ApiBearerAuth()
  @Roles('organizer', 'admin')
  @ApiOperation({ summary: 'Edit a contest (send the version you loaded; what may change depends on the status)' })
  @ApiAnswer(200, 'ContestView', { errors: [409, 422] })
  @Patch(':id')
  update(@CurrentUser() actor: AuthUser, @Param('id', CONTEST_ID) id: string, @Body() dto: UpdateContestDto): Promise<ContestView> {
    return this.contests.update(actor, id, dto);
  }

  @ApiBearerAuth()
  @Roles('organizer', 'admin')
  @ApiOperation({ summary: 'Move the contest one step: draft → open → closed → judging (closed → open reopens)' })
  @HttpCode(200)
  @ApiAnswer(200, 'ContestView')
  @Post(':id/status')
  changeStatus(@CurrentUser() actor: AuthUser, @Param('id', CONTEST_ID) id: string, @Body() dto: ContestStatusDto): Promise<ContestView> {
    return this.contests.changeStatus(actor, id, dto);
  }
}
