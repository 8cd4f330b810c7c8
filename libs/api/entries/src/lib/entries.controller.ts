import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer, type AuthUser, CurrentUser, Roles } from '@laurel/api-core';
import { ENTRY_ID } from './entry-access.service';
import { languageOf } from './eligibility';
import { EligibilityDto, EntryCorrectionDto, SubmitEntryDto, UpdateEntryDto } from './entry.dto';
import type { EntryView, OwnEntryView } from '@laurel/contracts';
import { EntriesService } from './entries.service';
import { ScreeningService } from './screening.service';

@ApiTags('entries')
@ApiBearerAuth()
@Controller()
export class EntriesController {
  constructor(
    private readonly entries: EntriesService,
    private readonly screening: ScreeningService,
  ) {}

  @ApiOperation({
    summary: 'My entries over every contest, with their status and results once published',
    description:
      "The signed-in applicant's entries over every contest: status, category, code once submitted, eligibility, and the result once the contest is published. Any signed-in account (an account without entries gets an empty list).",
  })
  @ApiAnswer(200, ['OwnEntryView'], "The caller's entries over every contest, each with its status, code and, once published, its result.")
  @Get('me/entries')
  listMine(@CurrentUser() actor: AuthUser): Promise<OwnEntryView[]> {
    return this.entries.listMine(actor);
  }

  @ApiOperation({
    summary: 'One entry: to its owner, or to a manager of its contest with the screening checks',
    description:
      "One entry with its answers, members and attachments. Its owner reads it, and so do the organizer who owns the contest and administrators (with the screening checks); judges read the entries they score through `GET /api/assignments/{id}`. Refusals: 404 `entry.not_found`, the same for another person's entry.",
  })
  @ApiAnswer(
    200,
    'EntryView',
    'The entry with its answers, members, attachments and version (with the screening checks for a manager of its contest).',
  )
  @Get('entries/:id')
  get(@CurrentUser() actor: AuthUser, @Param('id', ENTRY_ID) id: string): Promise<EntryView> {
    return this.entries.get(actor, id);
  }

  @ApiOperation({
    summary: 'Edit a draft entry (send the version last read; 409 when stale)',
    description:
      "Changes a draft entry's fields, answers, members or category; send the `version` last read. Only the team that owns the entry. Refusals: 404 `entry.not_found`; 403 `entry.owner_only` (a contest manager may read, not change it); 409 `entry.stale_version` (reload) or `entry.read_only` (submitted or withdrawn); 422 `entry.submissions_closed`; 400 `validation_failed`.",
  })
  @ApiAnswer(200, 'EntryView', 'The entry after the edit, with its new version.', { errors: [403, 409, 422] })
  @Patch('entries/:id')
  update(@CurrentUser() actor: AuthUser, @Param('id', ENTRY_ID) id: string, @Body() dto: UpdateEntryDto): Promise<EntryView> {
    return this.entries.update(actor, id, dto);
  }

  @ApiOperation({
    summary: 'Submit the entry before the deadline; it gets its code (422 naming what is missing or ineligible)',
    description:
      'Submits a complete draft entry before the deadline: it gets its code, its answers are checked against the form and the eligibility rules, and the team gets a confirmation mail. Only the team that owns the entry, with a confirmed address. Refusals: 404 `entry.not_found`; 403 `entry.owner_only` or `entry.email_unverified`; 409 `entry.already_submitted` or `entry.stale_version`; 422 `entry.incomplete` (its `fields` name what is missing), `entry.ineligible` (which rule) or `entry.submissions_closed`.',
  })
  @ApiAnswer(200, 'EntryView', 'The submitted entry with its code and its new version.', { errors: [403, 409, 422] })
  @Post('entries/:id/submit')
  @HttpCode(200)
  submit(
    @CurrentUser() actor: AuthUser,
    @Param('id', ENTRY_ID) id: string,
    @Body() dto: SubmitEntryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<EntryView> {
    return this.entries.submit(actor, id, dto, languageOf(acceptLanguage));
  }

  @ApiOperation({
    summary: 'Withdraw a submitted entry',
    description:
      'Withdraws a submitted entry from the contest, before judging starts; it stays on record. Only the team that owns the entry. Refusals: 404 `entry.not_found`; 403 `entry.owner_only`; 409 `entry.already_withdrawn` or `entry.judging_started`.',
  })
  @ApiAnswer(200, 'EntryView', 'The withdrawn entry with its new version.', { errors: [403, 409] })
  @Post('entries/:id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentUser() actor: AuthUser, @Param('id', ENTRY_ID) id: string): Promise<EntryView> {
    return this.entries.withdraw(actor, id);
  }

  @Roles('organizer', 'admin')
  @ApiOperation({
    summary: "The organizer's screening decision, with a reason when it overrides the rules",
    description:
      "Records the screening decision on a submitted entry (`eligible`, `ineligible` or back to `pending`); a decision against the rules' own outcome needs a reason. Only entries marked eligible go to judging. Only the organizer who owns the contest, or an administrator; audited. Refusals: 404 `entry.not_found`; 409 `entry.not_submitted`; 400 `validation_failed` (e.g. the reason is missing).",
  })
  @ApiAnswer(200, 'EntryView', 'The entry with the screening decision recorded, and its new version.')
  @Post('entries/:id/eligibility')
  @HttpCode(200)
  setEligibility(@CurrentUser() actor: AuthUser, @Param('id', ENTRY_ID) id: string, @Body() dto: EligibilityDto): Promise<EntryView> {
    return this.screening.setEligibility(actor, id, dto);
  }

  @Roles('organizer', 'admin')
  @ApiOperation({
    summary: "The organizer corrects a submitted entry's organization or team, with why",
    description:
      "Made on the entry's version (409 when stale; 409 for a draft or a withdrawn entry). Conflicts of interest are detected again for the entry's judges in the same transaction: a judge with a new conflict can no longer score it.",
  })
  @ApiAnswer(200, 'EntryView', 'The entry after the correction, with its new version.', { errors: [409] })
  @Post('entries/:id/correction')
  @HttpCode(200)
  correct(@CurrentUser() actor: AuthUser, @Param('id', ENTRY_ID) id: string, @Body() dto: EntryCorrectionDto): Promise<EntryView> {
    return this.screening.correct(actor, id, dto);
  }
}
