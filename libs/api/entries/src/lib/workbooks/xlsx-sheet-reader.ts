import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { StringDecoder } from 'node:string_decoder';
import { readZipDirectory, unpackSmall, unpackStream, type ZipEntry, ZipError } from '@laurel/api-core';

/**
 * What one import may cost, checked before (the ZIP directory) and while (rows, columns, cell
 * length) the workbook is unpacked, so a small upload that inflates to gigabytes, or a sheet of a
 * million rows, is refused in well under a second with the process's memory barely touched.
 */
export interface SheetLimits {
  /** Sum of the parts' unpacked sizes as the ZIP directory states them. */
  maxUnpackedBytes: number;
  /** Rows holding a value, the header row included. */
  maxRows: number;
  /** Highest column a value may sit in. */
  maxColumns: number;
  /** Excel's own ceiling for one cell. */
  maxCellChars: number;
}

export type SheetProblem =
  | { kind: 'too_large'; unpackedBytes: number }
  | { kind: 'too_many_rows' }
  | { kind: 'too_many_columns'; column: number; rowNumber: number }
  | { kind: 'cell_too_long'; rowNumber?: number; column?: number }
  | { kind: 'no_sheet' }
  | { kind: 'unreadable'; reason: string };

export class SheetError extends Error {
  constructor(readonly problem: SheetProblem) {
    super(problem.kind);
  }
}

/** A row that holds at least one value: column (1-based) to text, as trimmed as exceljs reads it. */
export interface SheetRow {
  rowNumber: number;
  cells: Map<number, string>;
}

type RawCell = { text: string } | { shared: number };

const localName = (tag: { name: string }) => tag.name.slice(tag.name.indexOf(':') + 1);

/**
 * The first sheet of an .xlsx held in memory, read as a stream: the ZIP directory's sizes are
 * checked first, then the sheet is inflated chunk by chunk into a SAX parser that stops at the
 * first limit passed. Shared strings are read afterwards and only those the kept rows use are
 * held, so memory follows the rows an import can take, never the file's claims.
 */
export async function readFirstSheet(zip: Buffer, limits: SheetLimits): Promise<SheetRow[]> {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(zip);
  } catch (error) {
    throw asSheetError(error);
  }
  const unpackedBytes = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (unpackedBytes > limits.maxUnpackedBytes) throw new SheetError({ kind: 'too_large', unpackedBytes });

  try {
    const byName = new Map(entries.map((e) => [e.name.replace(/^\//, ''), e]));
    const sheetPath = firstSheetPath(zip, byName);
    const sheet = sheetPath ? byName.get(sheetPath) : undefined;
    if (!sheet) throw new SheetError({ kind: 'no_sheet' });

    const raw = await readSheetCells(zip, sheet, limits);
    const needed = new Set<number>();
    for (const row of raw) for (const cell of row.cells.values()) if ('shared' in cell) needed.add(cell.shared);
    const strings =
      needed.size > 0
        ? await readSharedStrings(zip, byName.get(sharedStringsPath(zip, byName)), needed, limits)
        : new Map<number, string>();

    const rows: SheetRow[] = [];
    for (const row of raw) {
      const cells = new Map<number, string>();
      for (const [column, cell] of row.cells) {
        const text = ('shared' in cell ? (strings.get(cell.shared) ?? '') : cell.text).trim();
        if (text) cells.set(column, text);
      }
      if (cells.size > 0) rows.push({ rowNumber: row.rowNumber, cells });
    }
    return rows;
  } catch (error) {
    throw asSheetError(error);
  }
}

function asSheetError(error: unknown): SheetError {
  if (error instanceof SheetError) return error;
  if (error instanceof ZipError) return new SheetError({ kind: 'unreadable', reason: error.message });
  return new SheetError({ kind: 'unreadable', reason: (error as Error).message ?? String(error) });
}

/** Parts as small as workbook.xml and its relationships: unpacked whole, within a fixed ceiling. */
function smallXml(zip: Buffer, entry: ZipEntry | undefined): SaxesTagPlain[] {
  if (!entry) return [];
  if (entry.uncompressedSize > 4 * 1024 * 1024) throw new SheetError({ kind: 'unreadable', reason: `${entry.name} is implausibly large` });
  const tags: SaxesTagPlain[] = [];
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => tags.push(tag as SaxesTagPlain));
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(unpackSmall(zip, entry).toString('utf8')).close();
  return tags;
}

function relationships(zip: Buffer, byName: Map<string, ZipEntry>): SaxesTagPlain[] {
  return smallXml(zip, byName.get('xl/_rels/workbook.xml.rels')).filter((t) => localName(t) === 'Relationship');
}

function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/');
}

/** The first sheet in the workbook's own order (not the ZIP's), through its relationship id. */
function firstSheetPath(zip: Buffer, byName: Map<string, ZipEntry>): string | undefined {
  const sheet = smallXml(zip, byName.get('xl/workbook.xml')).find((t) => localName(t) === 'sheet');
  if (!sheet) return undefined;
  const id = Object.entries(sheet.attributes).find(([name]) => name === 'r:id' || name.endsWith(':id'))?.[1];
  const target = relationships(zip, byName).find((r) => r.attributes['Id'] === id)?.attributes['Target'];
  return target ? partPath(target) : undefined;
}

function sharedStringsPath(zip: Buffer, byName: Map<string, ZipEntry>): string {
  const target = relationships(zip, byName).find((r) => String(r.attributes['Type']).endsWith('/sharedStrings'))?.attributes['Target'];
  return target ? partPath(target) : 'xl/sharedStrings.xml';
}

/** "AB12" → 28. */
function columnOf(reference: string): number {
  let column = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
}

/** Feeds a part's unpacked chunks to a SAX parser; `stop` ends the read early without error. */
async function parsePart(zip: Buffer, entry: ZipEntry, parser: SaxesParser, stopped: () => boolean): Promise<void> {
  let failure: unknown;
  parser.on('error', (error) => {
    failure ??= error;
  });
  const decoder = new StringDecoder('utf8');
  for await (const chunk of unpackStream(zip, entry)) {
    parser.write(decoder.write(chunk));
    if (failure) throw failure;
    if (stopped()) return;
  }
  parser.write(decoder.end()).close();
  if (failure) throw failure;
}

interface RawRow {
  rowNumber: number;
  cells: Map<number, RawCell>;
}

async function readSheetCells(zip: Buffer, entry: ZipEntry, limits: SheetLimits): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  const parser = new SaxesParser();
  let row: RawRow | null = null;
  let nextRow = 1;
  let nextColumn = 1;
  let cell: { column: number; type: string; text: string; capture: boolean } | null = null;
  let inPhonetic = false;
  let failure: SheetError | null = null;

  parser.on('opentag', (tag) => {
    if (failure) return;
    const name = localName(tag);
    const attributes = (tag as SaxesTagPlain).attributes;
    if (name === 'row') {
      const r = Number(attributes['r']);
      row = { rowNumber: Number.isInteger(r) && r > 0 ? r : nextRow, cells: new Map() };
      nextRow = row.rowNumber + 1;
      nextColumn = 1;
    } else if (name === 'c' && row) {
      const column = attributes['r'] ? columnOf(String(attributes['r'])) || nextColumn : nextColumn;
      nextColumn = column + 1;
      cell = { column, type: String(attributes['t'] ?? 'n'), text: '', capture: false };
    } else if (cell && (name === 'v' || (name === 't' && !inPhonetic))) {
      cell.capture = true;
    } else if (name === 'rPh') {
      inPhonetic = true;
    }
  });
  parser.on('text', (text) => {
    if (failure || !cell?.capture) return;
    cell.text += text;
    if (cell.text.length > limits.maxCellChars)
      failure = new SheetError({ kind: 'cell_too_long', rowNumber: row?.rowNumber, column: cell.column });
  });
  parser.on('closetag', (tag) => {
    if (failure) return;
    const name = localName(tag);
    if ((name === 'v' || name === 't') && cell) cell.capture = false;
    else if (name === 'rPh') inPhonetic = false;
    else if (name === 'c' && cell && row) {
      const value = cellValue(cell.type, cell.text);
      if (value !== null) {
        if (cell.column > limits.maxColumns) {
          failure = new SheetError({ kind: 'too_many_columns', column: cell.column, rowNumber: row.rowNumber });
          return;
        }
        row.cells.set(cell.column, value);
      }
      cell = null;
    } else if (name === 'row' && row) {
      if (row.cells.size > 0) {
        rows.push(row);
        if (rows.length > limits.maxRows) failure = new SheetError({ kind: 'too_many_rows' });
      }
      row = null;
    }
  });
  await parsePart(zip, entry, parser, () => failure !== null);
  if (failure) throw failure;
  return rows;
}

function cellValue(type: string, text: string): RawCell | null {
  switch (type) {
    case 's': {
      const index = Number(text);
      return text.trim() !== '' && Number.isInteger(index) && index >= 0 ? { shared: index } : null;
    }
    case 'b':
      return text ? { text: text.trim() === '1' ? 'true' : 'false' } : null;
    case 'e':
      return null;
    default:
      return text.trim() ? { text } : null;
  }
}

/** Only the shared strings the kept rows point at are held; each is still held to the cell limit. */
async function readSharedStrings(
  zip: Buffer,
  entry: ZipEntry | undefined,
  needed: Set<number>,
  limits: SheetLimits,
): Promise<Map<number, string>> {
  const strings = new Map<number, string>();
  if (!entry) return strings;
  const last = Math.max(...needed);
  const parser = new SaxesParser();
  let index = -1;
  let text: string | null = null;
  let capture = false;
  let inPhonetic = false;
  let failure: SheetError | null = null;
  parser.on('opentag', (tag) => {
    const name = localName(tag);
    if (name === 'si') {
      index++;
      text = needed.has(index) ? '' : null;
    } else if (name === 'rPh') inPhonetic = true;
    else if (name === 't' && !inPhonetic) capture = true;
  });
  parser.on('text', (chunk) => {
    if (!capture || text === null || failure) return;
    text += chunk;
    if (text.length > limits.maxCellChars) failure = new SheetError({ kind: 'cell_too_long' });
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag);
    if (name === 't') capture = false;
    else if (name === 'rPh') inPhonetic = false;
    else if (name === 'si' && text !== null) {
      strings.set(index, text);
      text = null;
    }
  });
  await parsePart(zip, entry, parser, () => failure !== null || index > last);
  if (failure) throw failure;
  return strings;
}
