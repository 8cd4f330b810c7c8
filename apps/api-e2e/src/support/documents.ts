import JSZip from 'jszip';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNode } from './api-process';

export interface PdfReading {
  pageCount: number;
  pages: { width: number; height: number; text: string }[];
  fonts: { name: string; embedded: boolean }[];
}

/** Downloads a document as the signed-in caller; the status, headers and bytes. */
export async function download(url: string, token: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** Parses a PDF with pdf.js and pdf-lib in a child process (see read-pdf.mjs). */
export async function readPdf(bytes: Buffer): Promise<PdfReading> {
  const file = join(mkdtempSync(join(tmpdir(), 'laurel-pdf-')), 'document.pdf');
  writeFileSync(file, bytes);
  const { code, output } = await runNode('apps/api-e2e/src/support/read-pdf.mjs', [file], {});
  if (code !== 0) throw new Error(`the PDF could not be read: ${output}`);
  return JSON.parse(output.trim().split('\n').pop() as string);
}

/** The text of a .docx's body, as Word stores it (word/document.xml), with its runs' text joined. */
export async function docxText(bytes: Buffer): Promise<{ xml: string; text: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
  return {
    xml,
    text: text
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"'),
  };
}
