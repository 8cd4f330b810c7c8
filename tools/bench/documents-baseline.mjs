// The libraries alone: `certificates N` writes N A4 landscape pages of certificate text with
// pdfkit and the same embedded Noto Sans; `minutes N` writes a .docx with an N-row ranking
// table with docx. Prints {seconds, peakRssMb, bytes}: the floor the API's documents stand on.
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const [kind, countText] = process.argv.slice(2);
const count = Number(countText);
const started = performance.now();
let bytes = 0;

if (kind === 'certificates') {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', autoFirstPage: false });
  doc.registerFont('body', readFileSync(require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf')));
  doc.registerFont('bold', readFileSync(require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf')));
  const done = new Promise((resolve) => doc.on('end', resolve));
  doc.on('data', (chunk) => (bytes += chunk.length));
  for (let i = 1; i <= count; i++) {
    doc.addPage();
    doc
      .font('bold')
      .fontSize(38)
      .text('GIẤY CHỨNG NHẬN', 70, 120, { width: 700, align: 'center', features: { ccmp: false } });
    doc
      .font('body')
      .fontSize(15)
      .text('Hội đồng giám khảo — Ban Tổ chức chứng nhận dự án', { width: 700, align: 'center', features: { ccmp: false } });
    doc
      .font('bold')
      .fontSize(24)
      .text(`Startup ${i}: a better way to do thing ${i}`, { width: 700, align: 'center', features: { ccmp: false } });
    doc
      .font('bold')
      .fontSize(30)
      .text('Giải Khuyến khích', { width: 700, align: 'center', features: { ccmp: false } });
  }
  doc.end();
  await done;
} else {
  const cell = (text) => new TableCell({ children: [new Paragraph({ children: [new TextRun(text)] })] });
  const rows = [];
  for (let i = 1; i <= count; i++)
    rows.push(new TableRow({ children: [String(i), `BEN-${i}`, `Startup ${i}`, `Team ${i}`, 'Fintech', '75,00'].map(cell) }));
  const document = new Document({ sections: [{ children: [new Paragraph('BIÊN BẢN HỌP HỘI ĐỒNG GIÁM KHẢO'), new Table({ rows })] }] });
  bytes = (await Packer.toBuffer(document)).length;
}

const seconds = (performance.now() - started) / 1000;
const status = readFileSync('/proc/self/status', 'utf8');
const peakRssMb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
console.log(JSON.stringify({ seconds, peakRssMb, bytes }));
