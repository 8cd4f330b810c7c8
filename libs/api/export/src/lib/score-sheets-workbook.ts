import type { Borders } from 'exceljs';
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
 * cell per criterion, and a signature line; landscape, fitted to the page width, the header row
 * repeated on every printed page and the contest, round and judge in the page header.
 */
export function writeScoreSheets(workbook: WorkbookWriter, rubric: PaperRubric, sheets: readonly PaperSheet[]): void {
  const names = new SheetNames();
  const columns = [
    { header: 'No.', width: 5 },
    { header: 'Code', width: 12 },
    { header: 'Title', width: rubric.blind ? 44 : 34 },
    ...(rubric.blind ? [] : [{ header: 'Team', width: 24 }]),
    ...rubric.criteria.map((c) => ({ header: `${c.name} (max ${c.maxScore})`, width: Math.max(12, Math.min(22, c.name.length + 8)) })),
    { header: 'Comment', width: 30 },
  ];
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
        oddFooter: '&CPage &P of &N',
      },
    });
    sheet.columns = columns.map((c) => ({ width: c.width }));
    const header = sheet.addRow(columns.map((c) => cell(c.header)));
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle' };
    header.eachCell((c) => (c.border = THIN));
    header.commit();

    paper.entries.forEach((entry, i) => {
      const values = [i + 1, entry.code, entry.title, ...(rubric.blind ? [] : [entry.teamName]), ...rubric.criteria.map(() => null), null];
      const row = sheet.addRow(values.map(cell));
      row.height = 30;
      for (let col = 1; col <= columns.length; col++) row.getCell(col).border = THIN;
      row.commit();
    });

    sheet.addRow([]).commit();
    const who = paper.organization ? `${paper.judgeName}, ${paper.organization}` : paper.judgeName;
    sheet.addRow([null, cell(`Judge: ${who}`)]).commit();
    sheet.addRow([]).commit();
    sheet.addRow([null, 'Signature: ______________________________', null, null, 'Date: ____ / ____ / ________']).commit();
    sheet.commit();
  }
}

/** Page header text: `&` starts a code there, so a literal one is doubled. */
function pageText(text: string): string {
  return text.replace(/&/g, '&&');
}
