import { Workbook } from 'exceljs';
import { readFirstSheet, SheetError, type SheetLimits } from './xlsx-sheet-reader';

const LIMITS: SheetLimits = { maxUnpackedBytes: 10 * 1024 * 1024, maxRows: 5, maxColumns: 30, maxCellChars: 100 };

async function workbook(build: (wb: Workbook) => void): Promise<Buffer> {
  const wb = new Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function problemOf(bytes: Buffer, limits = LIMITS): Promise<unknown> {
  try {
    await readFirstSheet(bytes, limits);
  } catch (error) {
    if (error instanceof SheetError) return error.problem;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe(readFirstSheet.name, () => {
  it('reads the first sheet in workbook order, as text exceljs would give, blank rows skipped', async () => {
    const bytes = await workbook((wb) => {
      const sheet = wb.addWorksheet('Hồ sơ');
      sheet.addRow(['Tên dự án', 'Số', 'Ghi chú']);
      sheet.addRow(['  Cảng xanh ', 42, { richText: [{ text: 'Đậm ' }, { text: 'và nghiêng' }] }]);
      sheet.addRow([]);
      sheet.getCell('A4').value = { formula: 'A2&"!"', result: 'Cảng xanh!' };
      sheet.getCell('C4').value = true;
      wb.addWorksheet('Other').addRow(['never read']);
    });
    const rows = await readFirstSheet(bytes, LIMITS);
    expect(rows.map((r) => [r.rowNumber, Object.fromEntries(r.cells)])).toEqual([
      [1, { 1: 'Tên dự án', 2: 'Số', 3: 'Ghi chú' }],
      [2, { 1: 'Cảng xanh', 2: '42', 3: 'Đậm và nghiêng' }],
      [4, { 1: 'Cảng xanh!', 3: 'true' }],
    ]);
  });

  it('counts only rows holding a value against the row limit, and stops at the first row past it', async () => {
    const five = await workbook((wb) => {
      const sheet = wb.addWorksheet('S');
      for (let i = 1; i <= 5; i++) sheet.getCell(`A${i * 2}`).value = `r${i}`;
    });
    expect((await readFirstSheet(five, LIMITS)).map((r) => r.rowNumber)).toEqual([2, 4, 6, 8, 10]);
    const six = await workbook((wb) => {
      const sheet = wb.addWorksheet('S');
      for (let i = 1; i <= 6; i++) sheet.addRow([`r${i}`]);
    });
    expect(await problemOf(six)).toEqual({ kind: 'too_many_rows' });
  });

  it('refuses a value beyond the column limit and a cell longer than the cell limit, naming the row', async () => {
    const wide = await workbook((wb) => (wb.addWorksheet('S').getCell('AE3').value = 'far right')); // AE = column 31
    expect(await problemOf(wide)).toEqual({ kind: 'too_many_columns', column: 31, rowNumber: 3 });
    const long = await workbook((wb) => (wb.addWorksheet('S').getCell('B2').value = 'x'.repeat(101)));
    expect(await problemOf(long)).toEqual({ kind: 'cell_too_long' });
  });

  it('refuses from the ZIP directory a workbook whose parts claim more than the limit, before unpacking', async () => {
    const big = await workbook((wb) => {
      const sheet = wb.addWorksheet('S');
      for (let i = 1; i <= 2000; i++) sheet.addRow([`row ${i}`, 'a'.repeat(90)]);
    });
    const problem = (await problemOf(big, { ...LIMITS, maxUnpackedBytes: 100_000 })) as { kind: string; unpackedBytes: number };
    expect(problem.kind).toBe('too_large');
    expect(problem.unpackedBytes).toBeGreaterThan(100_000);
  });

  it('calls a file that is no ZIP, or whose part inflates past its declared size, unreadable', async () => {
    expect(await problemOf(Buffer.from('not a zip at all'))).toEqual({
      kind: 'unreadable',
      reason: 'no ZIP directory at the end of the file',
    });
    const bytes = await workbook((wb) => wb.addWorksheet('S').addRow(['a']));
    // Shrink every declared size in the central directory to 10 bytes.
    const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    let cursor = bytes.readUInt32LE(eocd + 16);
    for (let i = 0; i < bytes.readUInt16LE(eocd + 10); i++) {
      if (bytes.readUInt16LE(cursor + 10) === 8) bytes.writeUInt32LE(10, cursor + 24);
      cursor += 46 + bytes.readUInt16LE(cursor + 28) + bytes.readUInt16LE(cursor + 30) + bytes.readUInt16LE(cursor + 32);
    }
    expect(await problemOf(bytes)).toMatchObject({ kind: 'unreadable', reason: expect.stringContaining('unpacks past its declared size') });
  });
});
