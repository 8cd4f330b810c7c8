import type { Readable } from 'node:stream';
import { DOCUMENT_TEXT } from './document-text';
import type { PaperSheet, ScoreSheetsData } from './document-data';
import { newPdf, type Pdf } from './pdf-kit';

const MARGIN = 40;
const CODE_WIDTH = 62;
const NUMBER_WIDTH = 58;
const SIGNATURE_SPACE = 90;

/**
 * The score sheets a judge signs: one A4 landscape page per judge (a long list runs on to more
 * pages, the header repeated), entries × criteria with the submitted values, each sheet's total,
 * and a signature line under the last row.
 */
export function scoreSheetsPdf(data: ScoreSheetsData, title: string): Readable {
  const doc = newPdf(title, 'landscape');
  for (const sheet of data.sheets) judgePage(doc, data, sheet);
  if (data.sheets.length === 0) doc.addPage();
  doc.end();
  return doc;
}

function judgePage(doc: Pdf, data: ScoreSheetsData, sheet: PaperSheet): void {
  const t = DOCUMENT_TEXT[data.lang];
  const tableWidth = () => doc.page.width - 2 * MARGIN;
  const columns = () => {
    const numbers = data.criteria.length + 1;
    const projectWidth = Math.max(120, tableWidth() - CODE_WIDTH - numbers * NUMBER_WIDTH);
    const numberWidth = Math.min(NUMBER_WIDTH, (tableWidth() - CODE_WIDTH - projectWidth) / numbers);
    return { projectWidth, numberWidth };
  };

  const header = (continued: boolean) => {
    doc.addPage();
    doc
      .fillColor('black')
      .font('bold')
      .fontSize(10)
      .text(`${t.judgeCouncil} — ${data.contestName}`, MARGIN, MARGIN, { width: tableWidth() });
    doc
      .font('bold')
      .fontSize(16)
      .text(`${t.scoreSheetTitle} — ${data.roundName}${continued ? ' (…)' : ''}`, { width: tableWidth(), align: 'center' });
    doc
      .font('body')
      .fontSize(11)
      .text(`${t.judge}: ${sheet.judgeName}${sheet.organization ? ` — ${sheet.organization}` : ''}`, { width: tableWidth() });
    if (data.blind) doc.font('body').fontSize(9).text(t.blindNote, { width: tableWidth() });
    doc.moveDown(0.5);
    row([t.code, t.project, ...data.criteria.map((c) => `${c.name} (${t.maxLabel(c.maxScore)})`), t.total], true);
  };

  const row = (cells: string[], bold = false) => {
    const { projectWidth, numberWidth } = columns();
    doc.font(bold ? 'bold' : 'body').fontSize(9);
    // A width per cell: the code, the project, then one per number.
    const columnsOf = cells.map((text, i) => ({ text, width: i === 0 ? CODE_WIDTH : i === 1 ? projectWidth : numberWidth }));
    const height = Math.max(...columnsOf.map(({ text, width }) => doc.heightOfString(text, { width: width - 6 }))) + 8;
    if (doc.y + height > doc.page.height - MARGIN - (bold ? SIGNATURE_SPACE : 20)) header(true);
    const top = doc.y;
    let x = MARGIN;
    columnsOf.forEach(({ text, width }, i) => {
      if (bold) doc.save().rect(x, top, width, height).fill('#eeeeee').restore();
      doc.lineWidth(0.5).strokeColor('#555555').rect(x, top, width, height).stroke();
      doc
        .fillColor('black')
        .font(bold ? 'bold' : 'body')
        .fontSize(9)
        .text(text, x + 3, top + 4, { width: width - 6, align: i >= 2 ? 'right' : 'left' });
      x += width;
    });
    doc.x = MARGIN;
    doc.y = top + height;
  };

  header(false);
  for (const entry of sheet.entries) {
    const project = data.blind ? entry.title : `${entry.title}\n${entry.teamName}`;
    const values = entry.submitted ? entry.values.map((v) => (v === null ? '' : t.number(v))) : data.criteria.map(() => '');
    row([entry.code ?? '', project, ...values, entry.submitted && entry.total !== null ? t.number(entry.total) : t.notSubmitted]);
  }
  if (doc.y + SIGNATURE_SPACE > doc.page.height - MARGIN) header(true);
  const signX = doc.page.width - MARGIN - 260;
  const top = doc.y + 16;
  doc.font('bold').fontSize(11).text(t.judgeSignature, signX, top, { width: 260, align: 'center' });
  doc
    .font('body')
    .fontSize(9)
    .text(t.signHint, signX, top + 16, { width: 260, align: 'center' });
  doc
    .moveTo(signX + 20, top + 62)
    .lineTo(signX + 240, top + 62)
    .lineWidth(0.5)
    .strokeColor('#444444')
    .stroke();
  doc
    .font('body')
    .fontSize(10)
    .text(sheet.judgeName, signX, top + 66, { width: 260, align: 'center' });
  doc.x = MARGIN;
}
