import PDFDocument from 'pdfkit';
import { fontBytes } from './fonts';

export type Pdf = PDFKit.PDFDocument;

/**
 * A new PDF with the embedded fonts registered as `body` and `bold`. Pages are added by the
 * writer; pdfkit writes each finished page to the stream, so memory stays flat in the page count.
 */
export function newPdf(title: string, layout: 'portrait' | 'landscape'): Pdf {
  const doc = new PDFDocument({ size: 'A4', layout, margin: 40, autoFirstPage: false, info: { Title: title, Author: 'Laurel', Creator: 'Laurel' }, lang: 'vi' } as PDFKit.PDFDocumentOptions);
  doc.registerFont('body', fontBytes('regular'));
  doc.registerFont('bold', fontBytes('bold'));
  return doc;
}

/**
 * Noto Sans's `ccmp` feature splits ạ, ẹ, ị, ọ, ụ into a base letter and a combining dot; the dot
 * glyph maps to no character, so a reader copying or searching the text would find "ho6c" for
 * "học". The font has every precomposed Vietnamese letter, so the feature is switched off for
 * every run of text: each letter stays one glyph that maps back to itself.
 */
export const KEEP_PRECOMPOSED = { features: { ccmp: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[] };
