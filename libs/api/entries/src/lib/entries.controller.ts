import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer, type AuthUser, CurrentUser, Roles } from '@laurel/api-core';
import { ENTRY_ID } from './entry-access.service';
import { languageOf } from './eligibility';
import { EligibilityDto, SubmitEntryDto, UpdateEntryDto } from './entry.dto';
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

  @ApiOperation({ summary: 'My entries over every contest, with their status and results once published' })
  @ApiAnswer(200, ['OwnEntryView'])
  @Get('me/entries')
  listMine(@CurrentUser() actor: AuthUser): Promise<OwnEntryView[]> {
    return this.entries.listMine(actor);
  }

  @ApiOperation({ summary: "One entry: to its owner, the contest's organizer, or an assigned judge (blind fields removed)" })
  @ApiAnswer(200, 'EntryView')
  @Get('entries/:id')
  get(@CurrentUser() actor: AuthUser, @Param('id', ENTRY_ID) id: string): Promise<EntryView> {
    return this.entries.get(actor, id);
  }

  @ApiOperation({ summary: 'Edit a draft entry (send the version last read; 409 when stale)' })
  @ApiAnswer(200, 'EntryView', { errors: [409, 422] })
  @Patch('entries/:id')
  update(@CurrentUser() actor: AuthUser, @Param('id', ENTRY_ID) id: string, @Body() dto: UpdateEntryDto): Promise<EntryView> {
    return this.entries.update(actor, id, dto);
  }

  @ApiOperation({ summary: 'Submit the entry before the deadline; it gets its code (422 naming what is missing or ineligible)' })
  @ApiAnswer(200, 'EntryView')
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

  @ApiOperation({ summary: 'Withdraw a submitted entry' })
  @ApiAnswer(200, 'EntryView')
  @Post('entries/:id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentUser() actor: AuthUser, @Param('id', ENTRY_ID) id: string): Promise<EntryView> {
    return this.entries.withdraw(actor, id);
  }

  @Roles('organizer', 'admin')
  @ApiOperation({ summary: "The organizer's screening decision, with a reason when it overrides the rules" })
  @ApiAnswer(200, 'EntryView')
  @Post('entries/:id/eligibility')
  @HttpCode(200)
  setEligibility(@CurrentUser() actor: AuthUser, @Param('id', ENTRY_ID) id: string, @Body() dto: EligibilityDto): Promise<EntryView> {
    return this.screening.setEligibility(actor, id, dto);
  }
}
