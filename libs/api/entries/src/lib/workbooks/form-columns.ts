import type { FieldProblem } from '@laurel/api-core';
import type { AnswerValue, Answers, FormField } from '@laurel/contracts';
import { checkAnswers, type FieldProblem as DomainFieldProblem, missingAnswers } from '@laurel/domain';
import { safeCellText } from './spreadsheet';

/**
 * One column per question of the contest's form, in the workbooks and the import template. The
 * header carries both languages and, in brackets, the key the import reads it by, so a renamed
 * label or a translated header still finds its question.
 */
export function formColumnHeader(field: FormField, retired = false): string {
  const label = field.label.vi === field.label.en ? field.label.vi : `${field.label.vi} / ${field.label.en}`;
  return `${label}${retired ? ' (đã xoá / removed)' : ''} (${field.key})`;
}

/** The key in brackets at the end of a header, `Ngày thành lập / Founding date (foundedOn)`. */
export function headerKey(header: string): string | null {
  const match = /\(([a-z][a-zA-Z0-9_]*)\)\s*\*?\s*$/.exec(header.trim());
  return match?.[1] ?? null;
}

export const formColumnKey = (key: string) => `answer:${key}`;

/** An answer as a cell: numbers stay numbers (to sum and filter), the rest readable text. */
export function answerCell(value: AnswerValue | undefined): string | number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'Có / Yes' : 'Không / No';
  if (Array.isArray(value)) return safeCellText(value.join('; '));
  return safeCellText(value);
}

const YES = new Set(['có', 'co', 'yes', 'y', 'true', 'x', '1', 'đúng', 'dung']);
const NO = new Set(['không', 'khong', 'no', 'n', 'false', '0', 'sai']);
/** Day 0 of a spreadsheet's date serials (1899-12-30, which absorbs the 1900 leap-year bug). */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A cell's text as the answer its question takes, or the text itself when it cannot be read as
 * one (the domain's check then names what is wrong, as the API would).
 */
export function readAnswerCell(field: FormField, text: string): AnswerValue | null {
  const value = text.trim();
  if (value === '') return null;
  switch (field.type) {
    case 'number': {
      const normal = value.replace(/\s/g, '').replace(',', '.');
      return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : value;
    }
    case 'boolean': {
      const [word = ''] = value.toLocaleLowerCase('vi').split('/');
      return YES.has(word.trim()) ? true : NO.has(word.trim()) ? false : value;
    }
    case 'multichoice':
      return value
        .split(/[;\n]/)
        .map((v) => v.trim())
        .filter(Boolean);
    case 'date':
      if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return value.slice(0, 10);
      if (/^\d{4,5}(\.\d+)?$/.test(value))
        return new Date(SERIAL_EPOCH + Math.floor(Number(value)) * 86_400_000).toISOString().slice(0, 10);
      return value;
    default:
      return value;
  }
}

/**
 * The answers of one import row, checked like a save and a submission of the API: each wrong
 * answer and each required question left empty is a problem naming the row and the question.
 */
export function importAnswers(
  fields: readonly FormField[],
  texts: Record<string, string>,
  categoryId: string | null,
  rowNumber: number,
): { answers: Answers; problems: FieldProblem[] } {
  const raw: Record<string, AnswerValue> = {};
  for (const field of fields) {
    const value = readAnswerCell(field, texts[field.key] ?? '');
    if (value !== null) raw[field.key] = value;
  }
  // A problem of the domain's check, said of a row and of the column its question has in the template.
  const inRow = (p: DomainFieldProblem): FieldProblem => {
    const field = fields.find((f) => p.field === `answers.${f.key}`);
    const params = {
      row: rowNumber,
      ...(field ? { column: formColumnHeader(field) } : {}),
      ...(p.limit === undefined ? {} : { limit: p.limit }),
    };
    return { field: `row ${rowNumber}: ${p.field}`, message: p.message, code: p.code, params };
  };
  const problems = checkAnswers(fields, raw).problems.map(inRow);
  if (problems.length === 0 && categoryId) problems.push(...missingAnswers(fields, raw, categoryId).map(inRow));
  return { answers: problems.length === 0 ? raw : {}, problems };
}
