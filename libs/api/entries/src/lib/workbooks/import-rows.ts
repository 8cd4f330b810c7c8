import { isEmail, isURL } from 'class-validator';
import type { FieldProblem } from '@laurel/api-core';
import type { ApiFieldProblemCode, EntryMember, ErrorParams } from '@laurel/contracts';
import type { ImportedEntry } from '@laurel/api-database';
import { ENTRY_LIMITS } from '@laurel/contracts';

/** Members one row of the import sheet can hold: name, role and e-mail columns for each. */
export const MEMBER_SLOTS = 5;
/** More rows than this in one file is a sign of the wrong file, and a long transaction. */
export const MAX_IMPORT_ROWS = 2000;

type TextKey =
  'title' | 'teamName' | 'category' | 'organization' | 'summary' | 'problem' | 'solution' | 'market' | 'businessModel' | 'videoUrl';
type MemberKey = `member${number}${'Name' | 'Role' | 'Email'}`;
export type ImportKey = TextKey | MemberKey;

export interface ImportColumn {
  key: ImportKey;
  header: string;
  required: boolean;
  width: number;
  max: number;
}

const text = (key: TextKey, header: string, required: boolean, max: number, width = 30): ImportColumn => ({
  key,
  header,
  required,
  width,
  max,
});

/** The template's columns, in order. Headers carry both languages; either half alone is read too. */
export const IMPORT_COLUMNS: ImportColumn[] = [
  text('title', 'Tên dự án / Project title', true, ENTRY_LIMITS.title, 40),
  text('teamName', 'Tên đội / Team name', true, ENTRY_LIMITS.teamName),
  text('category', 'Bảng thi / Category', true, 200, 28),
  text('organization', 'Đơn vị / Organization', false, ENTRY_LIMITS.organization),
  text('summary', 'Tóm tắt / Summary', true, ENTRY_LIMITS.longText, 50),
  text('problem', 'Vấn đề / Problem', true, ENTRY_LIMITS.longText, 50),
  text('solution', 'Giải pháp / Solution', true, ENTRY_LIMITS.longText, 50),
  text('market', 'Thị trường / Market', true, ENTRY_LIMITS.longText, 50),
  text('businessModel', 'Mô hình kinh doanh / Business model', true, ENTRY_LIMITS.longText, 50),
  text('videoUrl', 'Video (URL)', false, ENTRY_LIMITS.videoUrl),
  ...Array.from({ length: MEMBER_SLOTS }, (_, i) => [
    {
      key: `member${i + 1}Name` as MemberKey,
      header: `Thành viên ${i + 1} - họ tên / Member ${i + 1} name`,
      required: false,
      width: 26,
      max: ENTRY_LIMITS.memberName,
    },
    {
      key: `member${i + 1}Role` as MemberKey,
      header: `Thành viên ${i + 1} - vai trò / Member ${i + 1} role`,
      required: false,
      width: 18,
      max: ENTRY_LIMITS.memberRole,
    },
    {
      key: `member${i + 1}Email` as MemberKey,
      header: `Thành viên ${i + 1} - email / Member ${i + 1} e-mail`,
      required: false,
      width: 28,
      max: ENTRY_LIMITS.email,
    },
  ]).flat(),
];

/** The template's header of a column, as the organizer sees it in the workbook. */
export const headerOf = (key: ImportKey): string => IMPORT_COLUMNS.find((c) => c.key === key)?.header ?? key;

const normalize = (value: string) => value.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');

/** Which column of the sheet holds which field, from the header row's texts (1-based columns). */
export function matchHeaders(headers: Map<number, string>): { columns: Map<ImportKey, number>; problems: FieldProblem[] } {
  const byText = new Map<string, ImportKey>();
  for (const column of IMPORT_COLUMNS) {
    byText.set(normalize(column.header), column.key);
    for (const half of column.header.split(' / ')) byText.set(normalize(half), column.key);
  }
  const columns = new Map<ImportKey, number>();
  for (const [index, header] of headers) {
    const key = byText.get(normalize(header.replace(/\*$/, '')));
    if (key && !columns.has(key)) columns.set(key, index);
  }
  const problems = IMPORT_COLUMNS.filter((c) => c.required && !columns.has(c.key)).map((c): FieldProblem => ({
    field: 'row 1',
    message: `has no column "${c.header}": download the template again and keep its header row`,
    code: 'import.missing_column',
    params: { row: 1, column: c.header },
  }));
  return { columns, problems };
}

export interface ImportRow {
  /** The row's number as the spreadsheet shows it (the header is row 1). */
  rowNumber: number;
  values: Partial<Record<ImportKey, string>>;
  /** The texts of the contest's own questions, by field key. */
  answers?: Record<string, string>;
}

export interface CheckedRows {
  entries: (ImportedEntry & { rowNumber: number })[];
  problems: FieldProblem[];
}

const HTTP_URL = { protocols: ['http', 'https'], require_protocol: true, require_valid_protocol: true, require_tld: false };

/** Checks every row and collects every problem; entries are only meaningful when there are none. */
export function checkImportRows(rows: ImportRow[], categories: { id: string; name: string }[]): CheckedRows {
  const problems: FieldProblem[] = [];
  const entries: CheckedRows['entries'] = [];
  const categoryIds = new Map(categories.map((c) => [normalize(c.name), c.id]));
  const firstRowOf = new Map<string, number>();

  for (const { rowNumber, values } of rows) {
    // The problem of one cell (or of the row, for `members`), with the values a client words it from.
    const problem = (key: ImportKey | 'members', message: string, code: ApiFieldProblemCode, params: ErrorParams = {}) =>
      problems.push({
        field: `row ${rowNumber}: ${key}`,
        message,
        code,
        params: { row: rowNumber, ...(key === 'members' ? {} : { column: headerOf(key) }), ...params },
      });
    const value = (key: ImportKey) => values[key] ?? '';

    for (const column of IMPORT_COLUMNS) {
      const v = value(column.key);
      if (column.required && !v) problem(column.key, `is empty: fill in "${column.header}"`, 'import.empty');
      else if (v.length > column.max)
        problem(column.key, `is ${v.length} characters long; at most ${column.max} fit`, 'import.too_long', {
          length: v.length,
          max: column.max,
        });
    }
    const categoryId = categoryIds.get(normalize(value('category')));
    if (value('category') && !categoryId) {
      const names = categories.map((c) => `"${c.name}"`).join(', ');
      problem('category', `"${value('category')}" is not a category of this contest; use one of ${names}`, 'import.unknown_category', {
        value: value('category'),
        categories: categories.map((c) => `“${c.name}”`).join(', '),
      });
    }
    if (value('videoUrl') && !isURL(value('videoUrl'), HTTP_URL))
      problem('videoUrl', 'must be a web address starting with http:// or https://', 'import.bad_url');

    const members: EntryMember[] = [];
    for (let slot = 1; slot <= MEMBER_SLOTS; slot++) {
      const name = value(`member${slot}Name`);
      const role = value(`member${slot}Role`);
      const email = value(`member${slot}Email`);
      if (!name && !role && !email) continue;
      if (!name) problem(`member${slot}Name`, `is empty: member ${slot} needs a name`, 'import.empty');
      if (!role) problem(`member${slot}Role`, `is empty: member ${slot} needs a role in the team`, 'import.empty');
      if (email && !isEmail(email))
        problem(`member${slot}Email`, `"${email}" is not an e-mail address such as name@example.vn`, 'import.bad_email', { value: email });
      members.push({ name, role, email: email || null });
    }
    if (members.length === 0) problem('members', 'lists nobody: give at least member 1 a name and a role', 'import.no_members');

    const identity = `${normalize(value('title'))}|${normalize(value('teamName'))}`;
    if (value('title') && value('teamName')) {
      const first = firstRowOf.get(identity);
      if (first !== undefined)
        problem('title', `repeats row ${first} (same title and team name): keep one of them`, 'import.repeated_row', { first });
      else firstRowOf.set(identity, rowNumber);
    }

    entries.push({
      rowNumber,
      categoryId: categoryId ?? '',
      title: value('title'),
      teamName: value('teamName'),
      summary: value('summary'),
      problem: value('problem'),
      solution: value('solution'),
      market: value('market'),
      businessModel: value('businessModel'),
      organization: value('organization') || null,
      videoUrl: value('videoUrl') || null,
      members,
      answers: {},
    });
  }
  return { entries, problems };
}
