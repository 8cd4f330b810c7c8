import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Roles } from '@laurel/api-core';
import { ENTRY_ID } from './entry-access.service';
import { languageOf } from './eligibility';
import { EligibilityDto, SubmitEntryDto, UpdateEntryDto } from './entry.dto';
import type { EntryView, OwnEntryView } from './entry.views';
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

  @Get('me/entries')
  listMine(@CurrentUser() actor: AuthUser): Promise<OwnEntryView[]> {
    return this.entries.listMine(actor);
  }

  @Get('entries/:id')
  get(@CurrentUser() actor: AuthUser, @Param('id', ENTRY_ID) id: string): Promise<EntryView> {
    return this.entries.get(actor, id);
  }

  @Patch('entries/:id')
  update(@CurrentUser() actor: AuthUser, @Param('id', ENTRY_ID) id: string, @Body() dto: UpdateEntryDto): Promise<EntryView> {
    return this.entries.update(actor, id, dto);
  }

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

  @Post('entries/:id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentUser() actor: AuthUser, @Param('id', ENTRY_ID) id: string): Promise<EntryView> {
    return this.entries.withdraw(actor, id);
  }

  @Roles('organizer', 'admin')
  @Post('entries/:id/eligibility')
  @HttpCode(200)
  setEligibility(@CurrentUser() actor: AuthUser, @Param('id', ENTRY_ID) id: string, @Body() dto: EligibilityDto): Promise<EntryView> {
    return this.screening.setEligibility(actor, id, dto);
  }
}
