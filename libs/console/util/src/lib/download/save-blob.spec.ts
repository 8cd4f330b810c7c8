/**
 * @jest-environment node
 */
// Node's Blob reads its text back (jsdom's does not), as a browser's does.
import { HttpErrorResponse } from '@angular/common/http';
import { fileNameOf, readBlobError } from './save-blob';

describe('fileNameOf', () => {
  it('takes the RFC 6266 filename* (UTF-8, percent-encoded) before the plain name', () => {
    // What the API sends for a Vietnamese contest name: an ASCII fallback and the real name encoded.
    const header = `attachment; filename="ket-qua.xlsx"; filename*=UTF-8''K%E1%BA%BFt%20qu%E1%BA%A3.xlsx`;
    expect(fileNameOf(header, 'results.xlsx')).toBe('Kết quả.xlsx');
  });

  it('takes the plain name, quoted or not', () => {
    expect(fileNameOf('attachment; filename="entries.xlsx"', 'x.xlsx')).toBe('entries.xlsx');
    expect(fileNameOf('attachment; filename=sheets.xlsx', 'x.xlsx')).toBe('sheets.xlsx');
  });

  it('falls back to the plain name when filename* is malformed', () => {
    expect(fileNameOf(`attachment; filename="plain.pdf"; filename*=UTF-8''%E1%ZZ.pdf`, 'x.pdf')).toBe('plain.pdf');
  });

  it('uses the caller’s name without a header or without a name in it', () => {
    expect(fileNameOf(null, 'entries-import-template.xlsx')).toBe('entries-import-template.xlsx');
    expect(fileNameOf('inline', 'minutes.docx')).toBe('minutes.docx');
  });
});

describe('readBlobError', () => {
  it('reads the API error a blob request carried, keeping the status', async () => {
    const body = new Blob([JSON.stringify({ statusCode: 409, code: 'export.no_assignments', message: 'Nothing to print yet.' })], {
      type: 'application/json',
    });
    const read = await readBlobError(new HttpErrorResponse({ error: body, status: 409, statusText: 'Conflict' }));
    expect(read).toBeInstanceOf(HttpErrorResponse);
    expect((read as HttpErrorResponse).status).toBe(409);
    expect((read as HttpErrorResponse).error).toEqual({ statusCode: 409, code: 'export.no_assignments', message: 'Nothing to print yet.' });
  });

  it('leaves a body that is not JSON, and any other error, as it was', async () => {
    const html = new HttpErrorResponse({ error: new Blob(['<html>Bad gateway</html>']), status: 502 });
    expect(await readBlobError(html)).toBe(html);
    const plain = new Error('offline');
    expect(await readBlobError(plain)).toBe(plain);
  });
});

// saveBlob itself needs a browser: the console-e2e specs that download a workbook (results, closing) click through it.
