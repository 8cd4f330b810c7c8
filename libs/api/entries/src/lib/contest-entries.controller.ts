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
  @ApiOperation({
    summary: 'Start a draft entry in one category of the contest (one per applicant and category)',
    description:
      "Starts the caller's draft entry in one category of an open contest; the team then fills it in (`PATCH /api/entries/{id}`) and submits it. One entry per applicant and category. Applicants only. Refusals: 404 `contest.not_found`; 409 `entry.category_taken` (the caller's entry there exists: open it instead); 422 `entry.submissions_not_open` or `entry.submissions_closed`; 400 `validation_failed`.",
  })
  @ApiAnswer(201, 'EntryView', 'The new draft entry with its first version, ready to be filled in.')
  @Post('entries')
  create(@CurrentUser() actor: AuthUser, @Param('id', CONTEST_ID) contestId: string, @Body() dto: CreateEntryDto): Promise<EntryView> {
    return this.entries.create(actor, contestId, dto);
  }

  @Roles('organizer', 'admin')
  @ApiOperation({
    summary: "The contest's entries with status and eligibility: filters and paging",
    description:
      "The contest's entries with status, eligibility and the rule checks, filtered by status, category, eligibility and text, sorted and paged, for screening. Only the organizer who owns the contest, or an administrator. Refusals: 404 `contest.not_found`; 400 `validation_failed` for a filter it cannot read.",
  })
  @ApiAnswer(
    200,
    'EntryPageView',
    "A page of the contest's entries with status, eligibility and rule checks, and the total matching the filters.",
  )
  @Get('entries')
  list(
    @CurrentUser() actor: AuthUser,
    @Param('id', CONTEST_ID) contestId: string,
    @Query() query: EntryListQueryDto,
  ): Promise<EntryPageView> {
    return this.screening.list(actor, contestId, query);
  }

  @Roles('organizer', 'admin')
  @ApiOperation({
    summary: 'The filtered entries as a workbook, one column per question of the form',
    description:
      "The entries matching the same filters as the list, as an .xlsx workbook with one column per question of the contest's form. Only the organizer who owns the contest, or an administrator. Refusals: 404 `contest.not_found`; 400 `validation_failed`.",
  })
  @ApiAnswer(
    200,
    { file: [XLSX_CONTENT_TYPE] },
    'The entries matching the filters as an .xlsx workbook, one column per question of the form.',
  )
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
  @ApiOperation({
    summary: 'The import template: one column per field and question, with the categories to choose from',
    description:
      "The .xlsx template for importing entries gathered elsewhere: one column per field and question of the form, with the contest's categories to choose from. Only the organizer who owns the contest, or an administrator. Refusals: 404 `contest.not_found`.",
  })
  @ApiAnswer(
    200,
    { file: [XLSX_CONTENT_TYPE] },
    'The import template as an .xlsx workbook, one column per field and question, with the categories to choose from.',
  )
  @Get('entries/import-template.xlsx')
  @ApiProduces(XLSX_CONTENT_TYPE)
  async importTemplate(@CurrentUser() actor: AuthUser, @Param('id', CONTEST_ID) contestId: string): Promise<StreamableFile> {
    const { buffer, fileName } = await this.importer.template(actor, contestId);
    return new StreamableFile(buffer, { type: XLSX_CONTENT_TYPE, length: buffer.length, disposition: contentDisposition(fileName) });
  }

  @Roles('organizer', 'admin')
  @ApiOperation({
    summary: 'Import entries from a filled-in template; every row is checked before any is written',
    description:
      "Imports the entries of a filled-in template (multipart `file`) as submitted entries without an owner. Every row is checked before any is written: one bad row imports nothing, and the answer names each row's problems. Only the organizer who owns the contest, or an administrator; audited. Refusals: 404 `contest.not_found`; 409 `import.judging_started`; 413 `upload.too_large` or `import.too_large`; 415 `upload.unsupported_type`; 422 `import.invalid_rows` (per row and column) or `import.unreadable`; 400 `upload.*` for a form with no file or more than one.",
  })
  @ApiAnswer(200, 'ImportResultView', 'How many entries were imported: every row of the workbook, since one bad row imports nothing.', {
    errors: [413, 415],
  })
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
