// The workbook import's limits: a 1 GB ZIP bomb and a sheet of 1,000,000 rows posted to the API,
// timed and with the API's resident memory sampled, next to exceljs's own streaming reader
// stopping at the same 2,001 rows (the bomb it reads to the end, or for 30 s at most).
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createDeflateRaw, crc32 } from 'node:zlib';

async function deflatePart(name, chunks) {
  const deflater = createDeflateRaw({ level: 9 });
  const out = [];
  deflater.on('data', (c) => out.push(c));
  const done = new Promise((resolve, reject) => deflater.on('end', resolve).on('error', reject));
  let crc = 0;
  let size = 0;
  for (const chunk of chunks) {
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (!deflater.write(chunk)) await new Promise((r) => deflater.once('drain', r));
  }
  deflater.end();
  await done;
  return { name, data: Buffer.concat(out), crc, size };
}

function zipOf(parts) {
  const body = [];
  const dir = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(p.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    body.push(local, name, p.data);
    dir.push(central, name);
    offset += 30 + name.length + p.data.length;
  }
  const d = Buffer.concat(dir);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(d.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...body, d, end]);
}

const SKELETON = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml':
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Entries" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
};
const HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const TAIL = '</sheetData></worksheet>';

async function workbook(sheetChunks) {
  const parts = [];
  for (const [name, xml] of Object.entries(SKELETON)) parts.push(await deflatePart(name, [Buffer.from(xml)]));
  parts.push(await deflatePart('xl/worksheets/sheet1.xml', sheetChunks));
  return zipOf(parts);
}

export function zipBomb(megabytes = 1024) {
  const blanks = Buffer.alloc(1024 * 1024, 0x20);
  return workbook(
    (function* () {
      yield Buffer.from(HEAD);
      for (let i = 0; i < megabytes; i++) yield blanks;
      yield Buffer.from(TAIL);
    })(),
  );
}

export function millionRows(rows = 1_000_000) {
  return workbook(
    (function* () {
      yield Buffer.from(HEAD);
      // Cell references written out (exceljs's reader needs them): about 40 MB unpacked, under the 50 MB ceiling.
      for (let start = 0; start < rows; start += 10_000) {
        let batch = '';
        for (let r = start + 1; r <= Math.min(start + 10_000, rows); r++) batch += `<row r="${r}"><c r="A${r}"><v>1</v></c></row>`;
        yield Buffer.from(batch);
      }
      yield Buffer.from(TAIL);
    })(),
  );
}

function rssBytes(pid) {
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
  return kb * 1024;
}

/** Posts the workbook `runs` times: median time, worst RSS growth, the answer's status. */
export async function apiImport(api, token, contestId, bytes, runs = 5) {
  const times = [];
  let grew = 0;
  let status = 0;
  for (let i = 0; i < runs; i++) {
    const before = rssBytes(api.pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(api.pid))), 5);
    const form = new FormData();
    form.append('file', new Blob([bytes]), 'entries.xlsx');
    const started = performance.now();
    const response = await fetch(`${api.url}/api/contests/${contestId}/entries/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    await response.text();
    times.push(performance.now() - started);
    clearInterval(sampler);
    peak = Math.max(peak, rssBytes(api.pid));
    grew = Math.max(grew, peak - before);
    status = response.status;
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], grewMb: grew / 1024 / 1024, status };
}

/** exceljs's streaming reader on the same bytes, stopping after `maxRows` rows or `capMs`. */
export async function baselineStreamingRead(bytes, maxRows = 2001, capMs = 30_000) {
  const started = performance.now();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
  });
  let rows = 0;
  let capped = false;
  try {
    outer: for await (const sheet of reader) {
      for await (const _row of sheet) {
        rows++;
        if (rows >= maxRows) break outer;
        if (performance.now() - started > capMs) {
          capped = true;
          break outer;
        }
      }
    }
  } catch (error) {
    // A reader that gives up (the bomb's gigabyte of text is past V8's longest string) is timed to its failure.
    return { ms: performance.now() - started, rows, capped, failed: String(error.message ?? error) };
  }
  return { ms: performance.now() - started, rows, capped };
}
