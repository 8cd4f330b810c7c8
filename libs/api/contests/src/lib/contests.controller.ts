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
  @ApiOperation({
    summary: 'Contests past draft; an organizer also sees their own drafts, an admin every contest',
    description:
      'Every contest past draft, for anyone, signed in or not. A signed-in organizer also sees their own drafts, an administrator every draft. Each contest comes with its categories, rounds, prizes, form and dates, as `GET /api/contests/{id}` answers it.',
  })
  @ApiAnswer(200, ['ContestView'], 'The contests the caller may see, each with its categories, rounds, prizes, form and rules.')
  @Get()
  list(@CurrentUser() actor?: AuthUser): Promise<ContestView[]> {
    return this.contests.list(actor);
  }

  @ApiBearerAuth()
  @Roles('organizer', 'admin')
  @ApiOperation({
    summary: 'The contests the caller owns, in any status',
    description:
      "The contests the caller owns, drafts included, for an organizer's workspace. Organizers and administrators; an administrator also gets only the contests they own here.",
  })
  @ApiAnswer(
    200,
    ['ContestView'],
    'The contests the caller owns, drafts included, each with its categories, rounds, prizes, form and rules.',
  )
  @Get('mine')
  mine(@CurrentUser() actor: AuthUser): Promise<ContestView[]> {
    return this.contests.listOwn(actor);
  }

  @ApiBearerAuth()
  @Roles('organizer', 'admin')
  @ApiOperation({
    summary: "Counts for the organizer's dashboard: entries, open rounds' unsubmitted sheets, per contest the caller owns",
    description:
      "Per contest the caller owns: entries by status, and the sheets still unsubmitted in its open rounds, for the organizer's dashboard. Organizers and administrators.",
  })
  @ApiAnswer(
    200,
    ['ContestSummaryView'],
    'Per contest the caller owns: its entries by status and the sheets still unsubmitted in its open rounds.',
  )
  @Get('mine/summary')
  summary(@CurrentUser() actor: AuthUser): Promise<ContestSummaryView[]> {
    return this.contests.summaries(actor);
  }

  @ApiBearerAuth()
  @Roles('organizer', 'admin')
  @ApiOperation({
    summary: 'Create a draft contest with its categories and prizes',
    description:
      'Creates a contest in `draft` with its categories and prizes; the caller becomes its owner (the organizer who manages it). Nobody else sees it until it opens. Organizers and administrators. Refusals: 400 `validation_failed` (with `fields`); 409 `contest.slug_taken`.',
  })
  @ApiAnswer(201, 'ContestView', 'The new draft contest with its categories and prizes, and its first version.')
  @Post()
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateContestDto): Promise<ContestView> {
    return this.contests.create(actor, dto);
  }

  @Public()
  @ApiOperation({
    summary: 'One contest by id or slug; a draft only to its owner and admins',
    description:
      "One contest, by its id or by its slug, with categories, rounds, prizes, application form and eligibility rules. Anyone may read a contest past draft; a draft only the organizer who owns it and administrators. Refusals: 404 `contest.not_found`, the same for a draft that is not the caller's.",
  })
  @ApiParam({ name: 'idOrSlug', description: 'The contest’s id, or its slug (`startup-talent-2026`)' })
  @ApiAnswer(200, 'ContestView', 'The contest with its categories, rounds, prizes, application form, eligibility rules and version.')
  @Get(':idOrSlug')
  get(@Param('idOrSlug') idOrSlug: string, @CurrentUser() actor?: AuthUser): Promise<ContestView> {
    return this.contests.get(idOrSlug, actor);
  }

  @ApiBearerAuth()
  @Roles('organizer', 'admin')
  @ApiOperation({
    summary: 'Edit a contest (send the version you loaded; what may change depends on the status)',
    description:
      "Changes a contest's fields, categories, prizes, form or settings; send the `version` you loaded. What may still change depends on the contest's status; a refusal names the locked field. Only the organizer who owns the contest, or an administrator. Refusals: 404 `contest.not_found`; 409 `contest.stale_version` (reload), `contest.field_locked`, `contest.categories_locked`, `contest.form_locked`, `contest.form_removal_unconfirmed`, `contest.category_has_entries`, `contest.category_has_prizes` or `contest.slug_taken`; 400 `validation_failed`.",
  })
  @ApiAnswer(200, 'ContestView', 'The contest after the edit, with its new version.', { errors: [409, 422] })
  @Patch(':id')
  update(@CurrentUser() actor: AuthUser, @Param('id', CONTEST_ID) id: string, @Body() dto: UpdateContestDto): Promise<ContestView> {
    return this.contests.update(actor, id, dto);
  }

  @ApiBearerAuth()
  @Roles('organizer', 'admin')
  @ApiOperation({
    summary: 'Move the contest one step: draft → open → closed → judging (closed → open reopens)',
    description:
      'Moves the contest one step: `draft` → `open` → `closed` → `judging` (and `closed` → `open` to reopen submissions); publishing has its own route. Opening checks the contest is ready. Only the organizer who owns the contest, or an administrator; audited. Refusals: 404 `contest.not_found`; 409 `contest.stale_version`, `contest.transition_refused`, `contest.already_in_status` or `contest.use_publish`; 422 `contest.not_ready`, whose `fields` name each missing piece (`contest.no_categories`, `contest.no_rounds`, `round.no_rubric`, …).',
  })
  @HttpCode(200)
  @ApiAnswer(200, 'ContestView', 'The contest in its new status, with its new version.')
  @Post(':id/status')
  changeStatus(@CurrentUser() actor: AuthUser, @Param('id', CONTEST_ID) id: string, @Body() dto: ContestStatusDto): Promise<ContestView> {
    return this.contests.changeStatus(actor, id, dto);
  }
}
