import PDFDocument from 'pdfkit';
import { pdfFont } from './fonts';

export type Pdf = PDFKit.PDFDocument;

/**
 * A new PDF with the embedded fonts registered as `body` and `bold`. Pages are added by the
 * writer; pdfkit writes each finished page to the stream, so memory stays flat in the page count.
 */
export function newPdf(title: string, layout: 'portrait' | 'landscape'): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    layout,
    margin: 40,
    autoFirstPage: false,
    info: { Title: title, Author: 'Laurel', Creator: 'Laurel' },
    lang: 'vi',
  } as PDFKit.PDFDocumentOptions);
  // pdfkit takes a parsed fontkit font as well as bytes (its types only name the bytes).
  doc.registerFont('body', pdfFont('regular') as unknown as Buffer);
  doc.registerFont('bold', pdfFont('bold') as unknown as Buffer);
  return doc;
}
