import { Injectable, Logger } from '@nestjs/common';
import { stream as excelStream } from 'exceljs';
import { PassThrough, type Readable } from 'node:stream';
import type { AuthUser } from '@laurel/api-core';
import { EntriesRepository, type EntryExportRow } from '@laurel/api-database';
import { EntryAccess } from '../entry-access.service';
import type { EntryFilterQueryDto } from '../entry-query.dto';
import { entryFilter } from '../screening.service';
import { FROZEN_HEADER, safeCellText, styleHeaderRow } from './spreadsheet';
import type { FormField } from '@laurel/contracts';
import { answerCell, formColumnHeader, formColumnKey } from './form-columns';

const COLUMNS = [
  { header: 'Mã hồ sơ / Code', key: 'code', width: 12 },
  { header: 'Tên dự án / Title', key: 'title', width: 40 },
  { header: 'Đội / Team', key: 'team', width: 28 },
  { header: 'Bảng thi / Category', key: 'category', width: 26 },
  { header: 'Đơn vị / Organization', key: 'organization', width: 28 },
  { header: 'Trạng thái / Status', key: 'status', width: 14 },
  { header: 'Hợp lệ / Eligibility', key: 'eligibility', width: 14 },
  { header: 'Lý do / Reason', key: 'reason', width: 36 },
  { header: 'Nộp lúc (UTC) / Submitted at (UTC)', key: 'submittedAt', width: 20, style: { numFmt: 'yyyy-mm-dd hh:mm' } },
  { header: 'Thành viên / Members', key: 'members', width: 60 },
];

/** The entries table of a contest as an .xlsx, written row by row straight into the response. */
@Injectable()
export class EntriesExportService {
  private readonly logger = new Logger(EntriesExportService.name);

  constructor(
    private readonly entries: EntriesRepository,
    private readonly access: EntryAccess,
  ) {}

  async export(actor: AuthUser, contestId: string, query: EntryFilterQueryDto): Promise<{ stream: Readable; fileName: string }> {
    const contest = await this.access.managedContest(actor, contestId);
    const rows = await this.entries.listForExport(contest.id, entryFilter(contest, query));
    const output = new PassThrough();
    const questions = [...contest.formFields.map((field) => ({ field, retired: false })), ...contest.retiredFormFields.map((field) => ({ field, retired: true }))];
    writeWorkbook(output, rows, questions).catch((error: unknown) => {
      this.logger.error(`Entries export of contest ${contest.id} failed: ${(error as Error).stack ?? error}`);
      output.destroy(error as Error);
    });
    return { stream: output, fileName: `entries-${contest.slug}.xlsx` };
  }
}

async function writeWorkbook(output: PassThrough, rows: EntryExportRow[], questions: { field: FormField; retired: boolean }[]): Promise<void> {
  const workbook = new excelStream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Laurel';
  const sheet = workbook.addWorksheet('Entries', FROZEN_HEADER);
  // One column per question of the form; questions removed after submission keep theirs, marked.
  sheet.columns = [...COLUMNS, ...questions.map(({ field, retired }) => ({ header: formColumnHeader(field, retired), key: formColumnKey(field.key), width: 24 }))];
  styleHeaderRow(sheet, COLUMNS.length + questions.length);
  sheet.getRow(1).commit();
  for (const row of rows) {
    sheet
      .addRow({
        code: safeCellText(row.code),
        title: safeCellText(row.title),
        team: safeCellText(row.teamName),
        category: safeCellText(row.categoryName),
        organization: safeCellText(row.organization),
        status: row.status,
        eligibility: row.eligibility,
        reason: safeCellText(row.eligibilityReason),
        submittedAt: row.submittedAt ?? null,
        members: safeCellText(row.members.map((m) => [m.name, m.role, m.email].filter(Boolean).join(', ')).join('; ')),
        ...Object.fromEntries(questions.map(({ field }) => [formColumnKey(field.key), answerCell(row.answers?.[field.key])])),
      })
      .commit();
  }
  sheet.commit();
  await workbook.commit();
}
