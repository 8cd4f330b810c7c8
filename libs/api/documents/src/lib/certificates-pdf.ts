import type { Readable } from 'node:stream';
import { DOCUMENT_TEXT } from './document-text';
import type { CertificateData, DocumentContext } from './document-data';
import { newPdf, type Pdf } from './pdf-kit';

const GOLD = '#9a7b1c';
const RED = '#b3261e';

/**
 * Certificates (giấy chứng nhận), one A4 landscape page per award: the national header, the
 * title, the project and its team, the prize, the contest, the date and a signature line.
 * `awards` is consumed as the pages are written, so a caller may stream it.
 */
export function certificatesPdf(context: DocumentContext, title: string, certificates: Iterable<CertificateData>): Readable {
  const t = DOCUMENT_TEXT[context.lang];
  const doc = newPdf(title, 'landscape');
  let pages = 0;
  for (const certificate of certificates) {
    page(doc, context, certificate);
    pages += 1;
  }
  // A PDF needs a page; the service never asks for none, but an empty list must not break the file.
  if (pages === 0) doc.addPage();
  doc.end();
  return doc;

  function page(pdf: Pdf, { timeZone }: DocumentContext, c: CertificateData): void {
    pdf.addPage();
    const { width, height } = pdf.page;
    pdf
      .save()
      .lineWidth(3)
      .strokeColor(GOLD)
      .rect(24, 24, width - 48, height - 48)
      .stroke();
    pdf
      .lineWidth(1)
      .rect(32, 32, width - 64, height - 64)
      .stroke()
      .restore();
    const box = { x: 70, width: width - 140 };
    pdf.fillColor('black');
    pdf.font('bold').fontSize(12).text(t.nationalTitle, box.x, 56, { width: box.width, align: 'center' });
    pdf.font('bold').fontSize(11).text(t.nationalMotto, { width: box.width, align: 'center', underline: true });
    pdf.moveDown(1.6);
    pdf.font('bold').fontSize(38).fillColor(RED).text(t.certificateTitle, { width: box.width, align: 'center', characterSpacing: 2 });
    pdf.moveDown(0.6);
    pdf.fillColor('black').font('body').fontSize(15).text(`${t.judgeCouncil} — ${t.certifies}`, { width: box.width, align: 'center' });
    pdf.moveDown(0.4);
    pdf.font('bold').fontSize(24).text(c.award.title, { width: box.width, align: 'center' });
    pdf
      .font('body')
      .fontSize(15)
      .text(`${t.awarded} ${c.award.teamName}${c.award.code ? ` (${c.award.code})` : ''}`, { width: box.width, align: 'center' });
    pdf.moveDown(0.4);
    pdf.font('body').fontSize(15).text(t.inContest, { width: box.width, align: 'center' });
    pdf.font('bold').fontSize(30).fillColor(RED).text(t.tiers[c.award.tier], { width: box.width, align: 'center' });
    pdf.fillColor('black').font('body').fontSize(15);
    const scope = c.award.category ? ` — ${t.category}: ${c.award.category}` : '';
    pdf.text(`${c.contestName}${scope}`, { width: box.width, align: 'center' });
    if (c.award.prizeAmount !== null && c.award.currency)
      pdf.text(`${t.prize}: ${t.money(c.award.prizeAmount, c.award.currency)}`, { width: box.width, align: 'center' });

    const signX = width - 70 - 280;
    const signY = height - 175;
    pdf.font('body').fontSize(13).text(t.date(c.date, timeZone), signX, signY, { width: 280, align: 'center' });
    pdf
      .font('bold')
      .fontSize(13)
      .text(t.organizerSign, signX, signY + 20, { width: 280, align: 'center' });
    pdf
      .font('body')
      .fontSize(11)
      .text(t.signHint, signX, signY + 38, { width: 280, align: 'center' });
    pdf
      .moveTo(signX + 40, signY + 105)
      .lineTo(signX + 240, signY + 105)
      .lineWidth(0.5)
      .strokeColor('#444444')
      .stroke();
  }
}
