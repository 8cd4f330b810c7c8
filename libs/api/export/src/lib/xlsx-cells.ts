import type { stream, Style, Worksheet } from 'exceljs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

export type WorkbookWriter = stream.xlsx.WorkbookWriter;
export type CellInput = string | number | Date | null | undefined;

export const TWO_DECIMALS = '0.00';
export const DATE_TIME = 'yyyy-mm-dd hh:mm';
/** Wider than this (in character widths) and a sheet prints on A4 landscape instead of portrait. */
const PORTRAIT_WIDTH = 95;
const MAX_SHEET_NAME = 31;

/**
 * Text a spreadsheet program would read as a formula (or as a DDE command) gets a leading
 * apostrophe, so a title such as `=HYPERLINK(…)` stays text (OWASP "CSV injection").
 */
export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Valid, unique sheet names: none of `[]:*?/\`, no apostrophe at either end, at most 31
 * characters (a surrogate pair is never cut), unique ignoring case even after truncation.
 */
export class SheetNames {
  private readonly taken = new Set<string>();

  name(wanted: string): string {
    const clean =
      wanted
        .normalize('NFC')
        .replace(/[[\]:*?/\\]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^'+|'+$/g, '')
        .trim() || 'Sheet';
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : ` (${n})`;
      const candidate = `${truncate(clean, MAX_SHEET_NAME - suffix.length)
        .replace(/'+$/, '')
        .trimEnd()}${suffix}`;
      const key = candidate.toUpperCase();
      if (!this.taken.has(key)) {
        this.taken.add(key);
        return candidate;
      }
    }
  }
}

function truncate(text: string, max: number): string {
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max) break;
    out += char;
  }
  return out;
}

export interface ColumnSpec {
  header: string;
  width: number;
  /** Numbers shown with two decimals (stored at full precision). */
  format?: string;
}

/**
 * One style object per column, shared by all its cells. exceljs caches a style's id by object
 * identity, and gives every new cell a fresh style object: without sharing, each of half a million
 * cells would have its style serialized and looked up again, a good part of the workbook's time.
 */
const columnStyles = new WeakMap<Worksheet, Partial<Style>[]>();
const PLAIN: Partial<Style> = {};

/**
 * A sheet whose first row is the header: bold, wrapped, frozen, auto-filtered, and ready to print
 * (DESIGN): A4, landscape when the columns are wider than a portrait page, fitted to one page
 * wide, the header row repeated on every page. Columns must be known before the first row is
 * written, as the streaming writer emits them first.
 */
export function openTableSheet(workbook: WorkbookWriter, name: string, columns: ColumnSpec[]): Worksheet {
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    pageSetup: {
      paperSize: 9,
      orientation: width > PORTRAIT_WIDTH ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  columnStyles.set(
    sheet,
    columns.map((c) => (c.format ? { numFmt: c.format } : PLAIN)),
  );
  const header = sheet.addRow(columns.map((c) => safeText(c.header)));
  header.font = { bold: true };
  // A header longer than its column wraps onto more lines instead of running under the next one.
  header.alignment = { wrapText: true, vertical: 'top' };
  const lines = Math.max(1, ...columns.map((c) => Math.ceil(c.header.length / Math.max(1, c.width - 1))));
  if (lines > 1) header.height = 15 * Math.min(lines, 4);
  header.commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

/** Writes and commits one row: text made safe, numbers kept as numbers, blanks empty. */
export function writeRow(sheet: Worksheet, values: readonly CellInput[]): void {
  const row = sheet.addRow(values.map(cell));
  const styles = columnStyles.get(sheet);
  if (styles) row.eachCell((c, column) => (c.style = styles[column - 1] ?? PLAIN));
  row.commit();
}

export function cell(value: CellInput): string | number | Date | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return safeText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return value;
}

/**
 * Waits while the zip still holds more of this sheet than it has compressed. exceljs writes a
 * sheet's XML into the PassThrough archiver reads the entry from without heeding its
 * backpressure, and archiver reads an entry only once the ones before it are zipped: without
 * this wait a large sheet piles up uncompressed in memory. The PassThrough (reached through
 * exceljs's internals: the sheet's buffer stream and what it pipes into) is a readable-stream
 * one, whose state is only in `_writableState`.
 */
export async function settle(sheet: Worksheet, out: Writable): Promise<void> {
  const entry = (sheet as unknown as { stream?: { pipes?: Writable[] } }).stream?.pipes?.[0] as
    (Writable & { _writableState?: { needDrain?: boolean } }) | undefined;
  if (entry && (entry.writableNeedDrain ?? entry._writableState?.needDrain)) await once(entry, 'drain');
  if (out.writableNeedDrain) await once(out, 'drain');
  if (out.destroyed) throw new Error('the download was cancelled');
}
