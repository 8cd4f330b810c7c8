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

/**
 * Worksheet options (the streaming writer takes them only here): the header row stays in view
 * while the rows scroll, and the sheet prints on A4 landscape, one page wide, with the header row
 * repeated on every page.
 */
export const FROZEN_HEADER = {
  views: [{ state: 'frozen' as const, ySplit: 1, xSplit: 0 }],
  pageSetup: {
    paperSize: 9,
    orientation: 'landscape' as const,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  },
};

/** Header row bold, with filter buttons over every column; freeze it with FROZEN_HEADER. */
export function styleHeaderRow(sheet: Worksheet, columnCount: number): void {
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columnCount } };
}
