import type { Borders } from 'exceljs';
import type { DocumentLocale } from './document-locale';
import { cell, SheetNames, type WorkbookWriter } from './xlsx-cells';

export interface PaperSheet {
  judgeName: string;
  organization: string | null;
  entries: { code: string | null; title: string; teamName: string }[];
}

export interface PaperRubric {
  contestName: string;
  roundName: string;
  /** Blind rounds: code and title only. */
  blind: boolean;
  criteria: { name: string; maxScore: number }[];
}

const THIN: Partial<Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/**
 * Paper score sheets for pitch day: one sheet per judge with their entries, an empty bordered
 * cell per criterion and for the total, and a signature line; landscape, fitted to the page width,
 * the header row repeated on every printed page and the contest, round and judge in the page
 * header. In the contest's language; headers wrap inside their borders instead of running on.
 */
export function writeScoreSheets(workbook: WorkbookWriter, rubric: PaperRubric, sheets: readonly PaperSheet[], doc: DocumentLocale): void {
  const names = new SheetNames();
  const w = doc.words;
  const columns = [
    { header: w.columns.no, width: 5 },
    { header: w.columns.code, width: 11 },
    { header: w.columns.title, width: rubric.blind ? 40 : 30 },
    ...(rubric.blind ? [] : [{ header: w.columns.team, width: 20 }]),
    ...rubric.criteria.map((c) => ({ header: w.paper.maxOf(c.name, c.maxScore), width: 13 })),
    { header: w.columns.total, width: 10 },
    { header: w.columns.comment, width: 28 },
  ];
  // Enough lines for the longest header at its column's width (about one character per width unit).
  const headerLines = Math.min(5, Math.max(1, ...columns.map((c) => Math.ceil(c.header.length / Math.max(1, c.width - 2)))));
  for (const paper of sheets) {
    const sheet = workbook.addWorksheet(names.name(paper.judgeName), {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
      pageSetup: {
        orientation: 'landscape',
        paperSize: 9,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '1:1',
        margins: { left: 0.4, right: 0.4, top: 0.7, bottom: 0.6, header: 0.3, footer: 0.3 },
      },
      headerFooter: {
        oddHeader: `&L${pageText(rubric.contestName)}&C${pageText(rubric.roundName)}&R${pageText(paper.judgeName)}`,
        oddFooter: `&C${w.paper.page}`,
      },
    });
    sheet.columns = columns.map((c) => ({ width: c.width }));
    const header = sheet.addRow(columns.map((c) => cell(c.header)));
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    header.height = 15 * headerLines + 4;
    header.eachCell((c) => (c.border = THIN));
    header.commit();

    paper.entries.forEach((entry, i) => {
      const values = [
        i + 1,
        entry.code,
        entry.title,
        ...(rubric.blind ? [] : [entry.teamName]),
        ...rubric.criteria.map(() => null),
        null,
        null,
      ];
      const row = sheet.addRow(values.map(cell));
      row.height = 30;
      row.alignment = { wrapText: true, vertical: 'middle' };
      for (let col = 1; col <= columns.length; col++) row.getCell(col).border = THIN;
      row.commit();
    });

    sheet.addRow([]).commit();
    const who = paper.organization ? `${paper.judgeName}, ${paper.organization}` : paper.judgeName;
    sheet.addRow([null, cell(`${w.paper.judge}: ${who}`)]).commit();
    sheet.addRow([]).commit();
    sheet.addRow([null, w.paper.signature, null, null, w.paper.date]).commit();
    sheet.commit();
  }
}

/** Page header text: `&` starts a code there, so a literal one is doubled. */
function pageText(text: string): string {
  return text.replace(/&/g, '&&');
}
