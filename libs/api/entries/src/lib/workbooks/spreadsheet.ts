import type { Worksheet } from 'exceljs';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Text a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+`, `-`, `@`, or a tab or carriage
 * return that some tools strip first) is written with a leading apostrophe, so it stays text.
 */
export function safeCellText(value: string | null | undefined): string {
  const text = value ?? '';
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Worksheet options that keep the header row in view while the rows scroll (the streaming writer takes views only here). */
export const FROZEN_HEADER = { views: [{ state: 'frozen' as const, ySplit: 1, xSplit: 0 }] };

/** Header row bold, with filter buttons over every column; freeze it with FROZEN_HEADER. */
export function styleHeaderRow(sheet: Worksheet, columnCount: number): void {
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columnCount } };
}
