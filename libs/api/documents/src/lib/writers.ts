import type { Readable } from 'node:stream';
import type { CertificateData, DocumentContext, MinutesData, ScoreSheetsData } from './document-data';

/**
 * The document writers, and the libraries under them (docx; pdfkit with fontkit), loaded on the
 * first document instead of at boot: an API process that writes none does not hold their code
 * and objects (about 12 MB of its resident memory at rest, measured on the built API). Each
 * answers the `open` of a pending document once its writer is loaded, so a failure to load is
 * an error answer, not a cut download.
 */
export const writers = {
  async minutes(data: MinutesData): Promise<() => Readable> {
    const { minutesDocx } = await import('./minutes-docx');
    return () => minutesDocx(data);
  },

  async scoreSheets(data: ScoreSheetsData, title: string): Promise<() => Readable> {
    const { scoreSheetsPdf } = await import('./score-sheets-pdf');
    return () => scoreSheetsPdf(data, title);
  },

  async certificates(context: DocumentContext, title: string, certificates: Iterable<CertificateData>): Promise<() => Readable> {
    const { certificatesPdf } = await import('./certificates-pdf');
    return () => certificatesPdf(context, title, certificates);
  },
};
