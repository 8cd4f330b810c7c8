import { Injectable, Logger } from '@nestjs/common';
import { PassThrough, type Readable } from 'node:stream';
import { type AuthUser, wallClock, zoneLabel } from '@laurel/api-core';
import { EntriesRepository, type EntryContest, type EntryExportRow } from '@laurel/api-database';
import { EntryAccess } from '../entry-access.service';
import type { EntryFilterQueryDto } from '../entry-query.dto';
import { entryFilter } from '../screening.service';
import { FROZEN_HEADER, safeCellText, styleHeaderRow } from './spreadsheet';
import type { AnswerValue, FormField } from '@laurel/contracts';
import { answerCell, formColumnKey } from './form-columns';

/**
 * The words of the entries workbook in the contest's language (DESIGN, "The results workbook":
 * the contest's documents are written in its language and time zone). One object per language
 * with the same shape, so a word missing in one does not compile.
 */
const VI = {
  sheet: 'Hồ sơ',
  code: 'Mã hồ sơ',
  title: 'Tên dự án',
  team: 'Đội',
  category: 'Hạng mục',
  organization: 'Đơn vị',
  status: 'Trạng thái',
  eligibility: 'Điều kiện',
  reason: 'Lý do',
  submittedAt: (zone: string) => `Nộp lúc (${zone})`,
  members: 'Thành viên',
  retired: 'đã xoá',
  yes: 'Có',
  no: 'Không',
  statuses: { draft: 'Nháp', submitted: 'Đã nộp', withdrawn: 'Đã rút' } as Record<string, string>,
  eligibilities: { pending: 'Chưa xét', eligible: 'Đủ điều kiện', ineligible: 'Không đủ điều kiện' } as Record<string, string>,
  dateFormat: 'dd/mm/yyyy hh:mm',
};
type Words = typeof VI;
const EN: Words = {
  sheet: 'Entries',
  code: 'Code',
  title: 'Title',
  team: 'Team',
  category: 'Category',
  organization: 'Organization',
  status: 'Status',
  eligibility: 'Eligibility',
  reason: 'Reason',
  submittedAt: (zone: string) => `Submitted at (${zone})`,
  members: 'Members',
  retired: 'removed',
  yes: 'Yes',
  no: 'No',
  statuses: { draft: 'Draft', submitted: 'Submitted', withdrawn: 'Withdrawn' },
  eligibilities: { pending: 'Not screened', eligible: 'Eligible', ineligible: 'Not eligible' },
  dateFormat: 'dd/mm/yyyy hh:mm',
};

function columns(words: Words, zone: string) {
  return [
    { header: words.code, key: 'code', width: 12 },
    { header: words.title, key: 'title', width: 40 },
    { header: words.team, key: 'team', width: 28 },
    { header: words.category, key: 'category', width: 26 },
    { header: words.organization, key: 'organization', width: 28 },
    { header: words.status, key: 'status', width: 14 },
    { header: words.eligibility, key: 'eligibility', width: 16 },
    { header: words.reason, key: 'reason', width: 36 },
    { header: words.submittedAt(zone), key: 'submittedAt', width: 22, style: { numFmt: words.dateFormat } },
    { header: words.members, key: 'members', width: 60 },
  ];
}

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
    const questions = [
      ...contest.formFields.map((field) => ({ field, retired: false })),
      ...contest.retiredFormFields.map((field) => ({ field, retired: true })),
    ];
    writeWorkbook(output, rows, questions, contest).catch((error: unknown) => {
      this.logger.error(`Entries export of contest ${contest.id} failed: ${(error as Error).stack ?? error}`);
      output.destroy(error as Error);
    });
    return { stream: output, fileName: `entries-${contest.slug}.xlsx` };
  }
}

async function writeWorkbook(
  output: PassThrough,
  rows: EntryExportRow[],
  questions: { field: FormField; retired: boolean }[],
  contest: Pick<EntryContest, 'language' | 'timeZone'>,
): Promise<void> {
  const words = contest.language === 'en' ? EN : VI;
  // Loaded with the first workbook, not at boot (as the results export does).
  const { stream: excelStream } = await import('exceljs');
  const workbook = new excelStream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Laurel';
  const sheet = workbook.addWorksheet(words.sheet, FROZEN_HEADER);
  const fixed = columns(words, zoneLabel(contest.timeZone));
  // One column per question of the form, in the contest's language with its key in brackets (the
  // import finds a question by that key); questions removed after submission keep theirs, marked.
  sheet.columns = [
    ...fixed,
    ...questions.map(({ field, retired }) => ({
      header: `${field.label[contest.language]}${retired ? ` (${words.retired})` : ''} (${field.key})`,
      key: formColumnKey(field.key),
      width: 24,
    })),
  ];
  styleHeaderRow(sheet, fixed.length + questions.length);
  sheet.getRow(1).commit();
  for (const row of rows) {
    sheet
      .addRow({
        code: safeCellText(row.code),
        title: safeCellText(row.title),
        team: safeCellText(row.teamName),
        category: safeCellText(row.categoryName),
        organization: safeCellText(row.organization),
        status: words.statuses[row.status] ?? row.status,
        eligibility: words.eligibilities[row.eligibility] ?? row.eligibility,
        reason: safeCellText(row.eligibilityReason),
        // The contest's wall clock: a cell has no zone, the header names it.
        submittedAt: row.submittedAt ? wallClock(new Date(row.submittedAt), contest.timeZone) : null,
        members: safeCellText(row.members.map((m) => [m.name, m.role, m.email].filter(Boolean).join(', ')).join('; ')),
        ...Object.fromEntries(questions.map(({ field }) => [formColumnKey(field.key), answerText(row.answers?.[field.key], words)])),
      })
      .commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** A yes/no answer in the contest's language; every other answer as the import template writes it. */
function answerText(value: AnswerValue | undefined, words: Words): string | number | null {
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  return answerCell(value);
}
