import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { AppError, type AuthUser, type FieldProblem, laurelConfig, type LaurelConfig } from '@laurel/api-core';
import { EntriesRepository, type EntryContest } from '@laurel/api-database';
import type { FormField, ImportResultView } from '@laurel/contracts';
import { calendarDateIn, exampleAnswer, known } from '@laurel/domain';
import { EntryAccess } from '../entry-access.service';
import { CONTEST_TIME_ZONE } from '../eligibility';
import { codePrefixOf } from '../entry-rules';
import { FileInspector } from '../files/file-type';
import { formatBytes, readSingleFileForm } from '../files/multipart';
import {
  checkImportRows,
  headerOf,
  IMPORT_COLUMNS,
  type ImportKey,
  type ImportRow,
  matchHeaders,
  MAX_IMPORT_ROWS,
  MEMBER_SLOTS,
} from './import-rows';
import { FROZEN_HEADER, styleHeaderRow } from './spreadsheet';
import { answerCell, formColumnHeader, formColumnKey, headerKey, importAnswers } from './form-columns';
import { readFirstSheet, SheetError, type SheetLimits, type SheetRow } from './xlsx-sheet-reader';

const INSTRUCTIONS: [string, string][] = [
  ['Hướng dẫn nhập hồ sơ dự thi', 'How to fill in the entries import'],
  [
    'Mỗi dòng của trang "Hồ sơ" là một hồ sơ. Giữ nguyên dòng tiêu đề.',
    'Each row of the "Entries" sheet is one entry. Keep the header row as it is.',
  ],
  [
    'Bắt buộc: tên dự án, tên đội, bảng thi, tóm tắt, vấn đề, giải pháp, thị trường, mô hình kinh doanh và ít nhất một thành viên (họ tên và vai trò).',
    'Required: project title, team name, category, summary, problem, solution, market, business model and at least one member (name and role).',
  ],
  ['Bảng thi phải viết đúng một trong các tên bên dưới.', 'The category must be one of the names listed below, as written.'],
  [
    `Tối đa ${MEMBER_SLOTS} thành viên mỗi hồ sơ; email không bắt buộc nhưng phải hợp lệ nếu có.`,
    `At most ${MEMBER_SLOTS} members per entry; e-mail is optional but must be valid when given.`,
  ],
  ['Video: địa chỉ bắt đầu bằng http:// hoặc https://.', 'Video: an address starting with http:// or https://.'],
  [
    'Mọi dòng được kiểm tra trước; nếu có dòng lỗi thì không hồ sơ nào được nhập và danh sách lỗi cho biết dòng và cột cần sửa.',
    'Every row is checked first; if any row is wrong, nothing is imported and the answer lists each row and column to correct.',
  ],
  ['Hồ sơ nhập vào được coi là đã nộp và được cấp mã hồ sơ.', 'Imported entries count as submitted and receive an entry code.'],
];

/** Entries an organizer brings in from a spreadsheet, all or nothing, and the template for it. */
@Injectable()
export class EntriesImportService {
  constructor(
    private readonly entries: EntriesRepository,
    private readonly access: EntryAccess,
    @Inject(laurelConfig.KEY) private readonly config: LaurelConfig,
  ) {}

  async template(actor: AuthUser, contestId: string): Promise<{ buffer: Buffer; fileName: string }> {
    const contest = await this.access.managedContest(actor, contestId);
    // Loaded with the first workbook, not at boot (as the results export does).
    const { Workbook } = await import('exceljs');
    const workbook = new Workbook();
    workbook.creator = 'Laurel';
    const sheet = workbook.addWorksheet('Hồ sơ - Entries', FROZEN_HEADER);
    sheet.columns = [
      ...IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width })),
      ...contest.formFields.map((f) => ({ header: formColumnHeader(f), key: formColumnKey(f.key), width: 28 })),
    ];
    styleHeaderRow(sheet, IMPORT_COLUMNS.length + contest.formFields.length);
    IMPORT_COLUMNS.forEach((column, i) => {
      if (column.required) sheet.getRow(1).getCell(i + 1).font = { bold: true, color: { argb: 'FFB00020' } };
    });
    contest.formFields.forEach((field, i) => {
      if (field.required) sheet.getRow(1).getCell(IMPORT_COLUMNS.length + i + 1).font = { bold: true, color: { argb: 'FFB00020' } };
    });

    const help = workbook.addWorksheet('Hướng dẫn - Instructions');
    help.columns = [
      { header: 'Tiếng Việt', key: 'vi', width: 90 },
      { header: 'English', key: 'en', width: 90 },
    ];
    help.getRow(1).font = { bold: true };
    for (const [vi, en] of INSTRUCTIONS) help.addRow({ vi, en }).alignment = { wrapText: true, vertical: 'top' };
    help.addRow({});
    help.addRow({ vi: 'Các bảng thi', en: 'Categories' }).font = { bold: true };
    for (const category of contest.categories) help.addRow({ vi: category.name, en: category.name });
    if (contest.formFields.length > 0) {
      help.addRow({});
      help.addRow({ vi: 'Câu hỏi của cuộc thi (cột in đỏ là bắt buộc)', en: "The contest's questions (red columns are required)" }).font = {
        bold: true,
      };
      // The example meets the contest's rules where it can: a row copied from it would be eligible.
      const deadline = calendarDateIn(contest.submissionClosesAt, CONTEST_TIME_ZONE);
      for (const field of contest.formFields) {
        const example = answerCell(exampleAnswer(field, contest.eligibilityRules, deadline));
        help.addRow(questionHelp(field, example)).alignment = { wrapText: true, vertical: 'top' };
      }
    }

    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    return { buffer, fileName: `entries-import-${contest.slug}.xlsx` };
  }

  async import(actor: AuthUser, contestId: string, request: FastifyRequest): Promise<ImportResultView> {
    const contest = await this.access.managedContest(actor, contestId);
    refuseAfterJudgingStarted(contest);
    const rows = await readRows(
      await this.readUpload(request),
      contest.formFields.map((f) => f.key),
    );
    const { entries, problems } = checkImportRows(rows, contest.categories);
    // The contest's questions, checked as a save and a submission of the API check them.
    entries.forEach((entry, i) => {
      // checkImportRows answers one entry per row, in the rows' order.
      const checked = importAnswers(
        contest.formFields,
        known(rows[i], 'the row of an imported entry').answers ?? {},
        entry.categoryId || null,
        entry.rowNumber,
      );
      entry.answers = checked.answers;
      problems.push(...checked.problems);
    });

    const existing = await this.entries.findByTitleAndTeam(
      contest.id,
      entries.filter((e) => e.title && e.teamName),
    );
    for (const entry of entries) {
      const found = existing.find(
        (e) =>
          e.title.toLocaleLowerCase('vi') === entry.title.toLocaleLowerCase('vi') &&
          e.teamName.toLocaleLowerCase('vi') === entry.teamName.toLocaleLowerCase('vi'),
      );
      if (found) {
        problems.push({
          field: `row ${entry.rowNumber}: title`,
          message: `is already in this contest as ${found.code ?? 'a draft'} (same title and team name): remove the row`,
          code: 'import.exists',
          params: { row: entry.rowNumber, column: headerOf('title'), entry: found.code ?? found.title },
        });
      }
    }
    if (problems.length > 0) throw invalidRows(problems);

    const imported = await this.entries.importSubmitted(
      contest.id,
      codePrefixOf(contest),
      entries.map(({ rowNumber: _rowNumber, ...entry }) => entry),
      actor.id,
    );
    if (imported === null) throw judgingStarted(contest);
    return { imported };
  }

  /** The uploaded workbook, held in memory (at most the upload limit) because a ZIP is read from its end. */
  private async readUpload(request: FastifyRequest): Promise<Buffer> {
    const maxBytes = this.config.storage.uploadMaxBytes;
    const received: { bytes?: Buffer } = {};
    const form = await readSingleFileForm(request, maxBytes, async (file) => {
      const inspector = new FileInspector(['xlsx']);
      const [bytes] = await Promise.all([buffer(inspector), pipeline(file.file, inspector)]);
      if (file.file.truncated) {
        throw new AppError(
          413,
          'upload.too_large',
          `The file is larger than ${formatBytes(maxBytes)}. Split the entries over several files and import each.`,
        );
      }
      if (!inspector.result()) {
        throw new AppError(
          415,
          'upload.unsupported_type',
          'This file is not an Excel workbook (.xlsx). Save it as .xlsx, or fill in the template, and import it again.',
        );
      }
      received.bytes = bytes;
    });
    if (!form.sawFile || !received.bytes) {
      throw AppError.badRequest('validation_failed', 'Please correct the upload: choose the .xlsx file to send in the field "file".', [
        { field: 'file', code: 'required', message: 'is missing: choose the filled-in template' },
      ]);
    }
    return received.bytes;
  }
}

/** What one import may unpack: generous for 2,000 entries of long texts, far below what hurts the server. */
export const IMPORT_LIMITS: SheetLimits = {
  maxUnpackedBytes: 50 * 1024 * 1024,
  maxRows: MAX_IMPORT_ROWS + 1,
  maxColumns: 200,
  maxCellChars: 32_767,
};

/** Rows of the first sheet below its header, blank rows skipped, as text by field. */
async function readRows(bytes: Buffer, questionKeys: readonly string[]): Promise<ImportRow[]> {
  let sheetRows: SheetRow[];
  try {
    sheetRows = await readFirstSheet(bytes, IMPORT_LIMITS);
  } catch (error) {
    throw error instanceof SheetError ? sheetRefusal(error) : error;
  }
  const header = sheetRows[0]?.rowNumber === 1 ? sheetRows[0].cells : new Map<number, string>();
  const { columns, problems } = matchHeaders(header);
  if (problems.length > 0) throw invalidRows(problems);
  const questionColumns = new Map<string, number>();
  for (const [column, text] of header) {
    const key = headerKey(text);
    if (key && questionKeys.includes(key) && !questionColumns.has(key)) questionColumns.set(key, column);
  }

  const rows: ImportRow[] = [];
  for (const { rowNumber, cells } of sheetRows) {
    if (rowNumber === 1) continue;
    const values: Partial<Record<ImportKey, string>> = {};
    for (const [key, column] of columns) {
      const text = cells.get(column);
      if (text) values[key] = text;
    }
    const answers: Record<string, string> = {};
    for (const [key, column] of questionColumns) {
      const text = cells.get(column);
      if (text) answers[key] = text;
    }
    if (Object.keys(values).length > 0 || Object.keys(answers).length > 0) rows.push({ rowNumber, values, answers });
  }
  if (rows.length === 0) throw invalidRows([{ field: 'file', message: 'has no entries below the header row', code: 'import.no_rows' }]);
  if (rows.length > MAX_IMPORT_ROWS) {
    throw invalidRows([
      {
        field: 'file',
        message: `holds ${rows.length} entries; import at most ${MAX_IMPORT_ROWS} at a time`,
        code: 'import.too_many_rows',
        params: { max: MAX_IMPORT_ROWS },
      },
    ]);
  }
  return rows;
}

function sheetRefusal({ problem }: SheetError): AppError {
  switch (problem.kind) {
    case 'too_large':
      return new AppError(
        413,
        'import.too_large',
        `The workbook unpacks to ${formatBytes(problem.unpackedBytes)}; an import reads at most ${formatBytes(IMPORT_LIMITS.maxUnpackedBytes)}. Copy the entries into the template (no pictures or other sheets) and import that file.`,
        undefined,
        undefined,
        { sizeBytes: problem.unpackedBytes, limitBytes: IMPORT_LIMITS.maxUnpackedBytes },
      );
    case 'too_many_rows':
      return invalidRows([
        {
          field: 'file',
          message: `holds more than ${MAX_IMPORT_ROWS} entries; import at most ${MAX_IMPORT_ROWS} at a time, in several files`,
          code: 'import.too_many_rows',
          params: { max: MAX_IMPORT_ROWS },
        },
      ]);
    case 'too_many_columns':
      return invalidRows([
        {
          field: `row ${problem.rowNumber}`,
          message: `has a value in column ${problem.column}; the template uses ${IMPORT_COLUMNS.length} columns and at most ${IMPORT_LIMITS.maxColumns} are read: delete the columns to the right`,
          code: 'import.too_many_columns',
          params: { row: problem.rowNumber, max: IMPORT_LIMITS.maxColumns },
        },
      ]);
    case 'cell_too_long':
      return invalidRows([
        {
          field: problem.rowNumber ? `row ${problem.rowNumber}` : 'file',
          message: `has a cell longer than ${IMPORT_LIMITS.maxCellChars} characters; shorten it to what the field allows`,
          code: 'import.cell_too_long',
          params: problem.rowNumber ? { row: problem.rowNumber, max: IMPORT_LIMITS.maxCellChars } : { max: IMPORT_LIMITS.maxCellChars },
        },
      ]);
    case 'no_sheet':
      return invalidRows([{ field: 'file', message: 'holds no sheet: use the template', code: 'import.no_sheet' }]);
    case 'unreadable':
      return AppError.unprocessable(
        'import.unreadable',
        'The workbook could not be read. Open it in Excel or LibreOffice, save it again as .xlsx, and import it again.',
      );
  }
}

function invalidRows(problems: FieldProblem[]): AppError {
  const rows = new Set(problems.map((p) => p.field.split(':')[0]));
  return AppError.unprocessable(
    'import.invalid_rows',
    `Nothing was imported: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${rows.size === 1 ? [...rows][0] : `${rows.size} rows`}. Correct them in the file and import it again.`,
    problems,
  );
}

function refuseAfterJudgingStarted(contest: EntryContest): void {
  if (contest.status === 'judging' || contest.status === 'published') throw judgingStarted(contest);
}

function judgingStarted(contest: EntryContest): AppError {
  return AppError.conflict('import.judging_started', `Judging of "${contest.name}" has started, so entries can no longer be imported.`, {
    contest: contest.name,
  });
}

/** One line of the instructions per question: its column, kind, whether required, its options and an example. */
function questionHelp(field: FormField, example: string | number | null): { vi: string; en: string } {
  const options = field.options?.length ? ` — ${field.options.join('; ')}` : '';
  const kinds: Record<FormField['type'], [string, string]> = {
    text: ['văn bản', 'text'],
    longtext: ['đoạn văn', 'paragraph'],
    number: ['số', 'number'],
    date: ['ngày, dạng 2022-03-15', 'date, written 2022-03-15'],
    choice: ['một lựa chọn', 'one of'],
    multichoice: ['nhiều lựa chọn, cách nhau bởi dấu ;', 'several, separated by ;'],
    boolean: ['Có hoặc Không', 'Yes or No'],
    url: ['địa chỉ web', 'web address'],
    email: ['email', 'e-mail'],
    phone: ['số điện thoại', 'phone number'],
  };
  const [vi, en] = kinds[field.type];
  return {
    vi: `${field.label.vi} (${field.key}): ${vi}${field.required ? ', bắt buộc' : ''}${options}; ví dụ: ${example}`,
    en: `${field.label.en} (${field.key}): ${en}${field.required ? ', required' : ''}${options}; e.g. ${example}`,
  };
}
