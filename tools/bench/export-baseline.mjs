// The export baseline: exceljs's WorkbookWriter writing the same sheets and cells as the API's
// results workbook (ranking, one row per score, judge matrix), generated in place, with nothing
// else in the process. Prints one JSON line: seconds, peak RSS (MB) and bytes written.
// Usage: node export-baseline.mjs <entries> <judgesPerEntry> <criteria> <judges> <outFile>
import ExcelJS from 'exceljs';
import { createWriteStream, statSync } from 'node:fs';
import { readFileSync } from 'node:fs';

const [entries, perEntry, criteria, judges] = process.argv.slice(2, 6).map(Number);
const outFile = process.argv[6];
const started = performance.now();
const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
  stream: createWriteStream(outFile),
  useStyles: true,
  useSharedStrings: false,
});
const twoDecimals = { numFmt: '0.00' };
// Yields now and then, as the API does between cursor batches, so the zip stream drains.
const drain = () => new Promise((resolveDrain) => setImmediate(resolveDrain));
const code = (i) => `BENCH-${String(i + 1).padStart(5, '0')}`;
const title = (i) => `Startup ${i + 1}: a better way to do thing ${i + 1}`;

const ranking = workbook.addWorksheet('Round 1 ranking');
ranking.columns = [
  { header: 'Rank', width: 7 },
  { header: 'Code', width: 12 },
  { header: 'Title', width: 40 },
  { header: 'Team', width: 28 },
  { header: 'Category', width: 24 },
  { header: 'Judges', width: 8 },
  ...Array.from({ length: criteria }, (_, c) => ({
    header: `Criterion ${c + 1} (mean of 10)`,
    width: 16,
    style: twoDecimals,
  })),
  { header: 'Raw mean', width: 11, style: twoDecimals },
  { header: 'Final score', width: 12, style: twoDecimals },
  { header: 'Spread', width: 10, style: twoDecimals },
  { header: 'Outcome', width: 12 },
  { header: 'Tie note', width: 30 },
];
for (let i = 0; i < entries; i++) {
  ranking
    .addRow([
      i + 1,
      code(i),
      title(i),
      `Team ${i + 1}`,
      i % 2 ? 'Agritech' : 'Fintech',
      perEntry,
      ...Array.from({ length: criteria }, (_, c) => ((i * 7 + c) % 1000) / 100),
      55.5,
      55.5,
      12.25,
      'pending',
      '',
    ])
    .commit();
}
ranking.commit();

const scores = workbook.addWorksheet('Round 1 scores');
scores.columns = [
  { header: 'Code', width: 12 },
  { header: 'Title', width: 36 },
  { header: 'Team', width: 26 },
  { header: 'Judge', width: 26 },
  { header: 'Criterion', width: 30 },
  { header: 'Max', width: 8, style: twoDecimals },
  { header: 'Value', width: 9, style: twoDecimals },
  { header: 'Comment', width: 50 },
];
for (let i = 0; i < entries; i++) {
  for (let t = 0; t < perEntry; t++) {
    for (let c = 0; c < criteria; c++) {
      scores
        .addRow([
          code(i),
          title(i),
          `Team ${i + 1}`,
          `Judge ${String(((i + t) % judges) + 1).padStart(3, '0')}`,
          `Criterion ${c + 1}`,
          10,
          ((i + t * 3 + c) % 1001) / 100,
          '',
        ])
        .commit();
    }
  }
  if (i % 100 === 99) await drain();
}
scores.commit();

const matrix = workbook.addWorksheet('Round 1 matrix');
matrix.columns = [
  { header: 'Rank', width: 7 },
  { header: 'Code', width: 12 },
  { header: 'Title', width: 36 },
  ...Array.from({ length: judges }, (_, j) => ({
    header: `Judge ${j + 1}`,
    width: 18,
    style: twoDecimals,
  })),
  { header: 'Raw mean', width: 11, style: twoDecimals },
];
for (let i = 0; i < entries; i++) {
  const row = [
    i + 1,
    code(i),
    title(i),
    ...Array.from({ length: judges }, (_, j) => ((((j - i) % judges) + judges) % judges < perEntry ? 50 + (j % 40) : null)),
    55.5,
  ];
  matrix.addRow(row).commit();
}
matrix.commit();
await workbook.commit();

const seconds = (performance.now() - started) / 1000;
const kb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))[1]);
console.log(
  JSON.stringify({
    seconds,
    peakRssMb: Math.round(kb / 102.4) / 10,
    bytes: statSync(outFile).size,
  }),
);
