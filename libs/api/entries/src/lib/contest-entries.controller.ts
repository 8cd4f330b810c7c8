import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiAnswer, type AuthUser, CurrentUser, Roles } from '@laurel/api-core';
import { CONTEST_ID } from './entry-access.service';
import { CreateEntryDto } from './entry.dto';
import { EntryFilterQueryDto, EntryListQueryDto } from './entry-query.dto';
import type { EntryPageView, EntryView, ImportResultView } from '@laurel/contracts';
import { EntriesService } from './entries.service';
import { contentDisposition } from './files/file-name';
import { ScreeningService } from './screening.service';
import { EntriesExportService } from './workbooks/entries-export.service';
import { EntriesImportService } from './workbooks/entries-import.service';
import { XLSX_CONTENT_TYPE } from './workbooks/spreadsheet';

@ApiTags('entries')
@ApiBearerAuth()
@Controller('contests/:id')
export class ContestEntriesController {
  constructor(
    private readonly entries: EntriesService,
    private readonly screening: ScreeningService,
    private readonly exporter: EntriesExportService,
    private readonly importer: EntriesImportService,
  ) {}

  @Roles('applicant')
  @ApiOperation({ summary: 'Start a draft entry in one category of the contest (one per applicant and category)' })
  @ApiAnswer(201, 'EntryView')
  @Post('entries')
  create(@CurrentUser() actor: AuthUser, @Param('id', CONTEST_ID) contestId: string, @Body() dto: CreateEntryDto): Promise<EntryView> {
    return this.entries.create(actor, contestId, dto);
  }

  @Roles('organizer', 'admin')
  @ApiOperation({ summary: "The contest's entries with status and eligibility: filters and paging" })
  @ApiAnswer(200, 'EntryPageView')
  @Get('entries')
  list(
    @CurrentUser() actor: AuthUser,
    @Param('id', CONTEST_ID) contestId: string,
    @Query() query: EntryListQueryDto,
  ): Promise<EntryPageView> {
    return this.screening.list(actor, contestId, query);
  }

  @Roles('organizer', 'admin')
  @ApiOperation({ summary: 'The filtered entries as a workbook, one column per question of the form' })
  @ApiAnswer(200, { file: [XLSX_CONTENT_TYPE] })
  @Get('entries.xlsx')
  @ApiProduces(XLSX_CONTENT_TYPE)
  async export(
    @CurrentUser() actor: AuthUser,
    @Param('id', CONTEST_ID) contestId: string,
    @Query() query: EntryFilterQueryDto,
  ): Promise<StreamableFile> {
    const { stream, fileName } = await this.exporter.export(actor, contestId, query);
    return new StreamableFile(stream, { type: XLSX_CONTENT_TYPE, disposition: contentDisposition(fileName) });
  }

  @Roles('organizer', 'admin')
  @ApiOperation({ summary: 'The import template: one column per field and question, with the categories to choose from' })
  @ApiAnswer(200, { file: [XLSX_CONTENT_TYPE] })
  @Get('entries/import-template.xlsx')
  @ApiProduces(XLSX_CONTENT_TYPE)
  async importTemplate(@CurrentUser() actor: AuthUser, @Param('id', CONTEST_ID) contestId: string): Promise<StreamableFile> {
    const { buffer, fileName } = await this.importer.template(actor, contestId);
    return new StreamableFile(buffer, { type: XLSX_CONTENT_TYPE, length: buffer.length, disposition: contentDisposition(fileName) });
  }

  @Roles('organizer', 'admin')
  @ApiOperation({ summary: 'Import entries from a filled-in template; every row is checked before any is written' })
  @ApiAnswer(200, 'ImportResultView', { errors: [413, 415] })
  @Post('entries/import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: 'The filled-in import template (.xlsx)' } },
    },
  })
  import(
    @CurrentUser() actor: AuthUser,
    @Param('id', CONTEST_ID) contestId: string,
    @Req() request: FastifyRequest,
  ): Promise<ImportResultView> {
    return this.importer.import(actor, contestId, request);
  }
}
