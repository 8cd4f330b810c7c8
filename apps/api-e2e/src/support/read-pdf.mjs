// Reads a PDF back as a person's viewer would: pdf.js (Mozilla's reader) for the pages, their
// size and their text; pdf-lib for the fonts the file carries and whether each is embedded.
// Run as `node read-pdf.mjs file.pdf`; prints one JSON line. A child process because pdf.js
// ships as ES modules only, which the Jest runner of the HTTP tests does not load.
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFDocument, PDFDict, PDFName } from 'pdf-lib';

const bytes = new Uint8Array(readFileSync(process.argv[2]));
const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
const pages = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  const [, , width, height] = page.view;
  const content = await page.getTextContent();
  const text = content.items
    .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
    .join('')
    .normalize('NFC');
  pages.push({ width: Math.round(width), height: Math.round(height), text });
}

const doc = await PDFDocument.load(bytes, { updateMetadata: false });
const fonts = [];
for (const [, object] of doc.context.enumerateIndirectObjects()) {
  if (!(object instanceof PDFDict) || object.get(PDFName.of('Type'))?.toString() !== '/FontDescriptor') continue;
  const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((key) => object.has(PDFName.of(key)));
  fonts.push({ name: object.get(PDFName.of('FontName'))?.toString().replace(/^\//, ''), embedded });
}
process.stdout.write(JSON.stringify({ pageCount: pdf.numPages, pages, fonts }) + '\n');
