import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import { detectFileType, FileInspector, type FileType, zipEntryNames } from './file-type';

/** A ZIP with stored (uncompressed) members: enough structure for the central directory. */
function storedZip(files: Record<string, string | Buffer>, comment = ''): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content);
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, fileName, data);
    directory.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const dir = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(Buffer.byteLength(comment), 20);
  return Buffer.concat([...parts, dir, end, Buffer.from(comment)]);
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const PPTX = storedZip({ '[Content_Types].xml': '<Types/>', 'ppt/presentation.xml': '<p:presentation/>' });
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

async function inspect(
  bytes: Buffer,
  accepted: FileType[],
  chunkSize = 3,
): Promise<{ type: FileType | null; passed: Buffer; size: number }> {
  const chunks = Array.from({ length: Math.ceil(bytes.length / chunkSize) }, (_, i) => bytes.subarray(i * chunkSize, (i + 1) * chunkSize));
  const sut = new FileInspector(accepted);
  const [passed] = await Promise.all([buffer(sut), pipeline(Readable.from(chunks), sut)]);
  return { type: sut.result(), passed, size: sut.size };
}

describe(detectFileType.name, () => {
  it('knows PDF, PNG and JPEG from their first bytes', () => {
    expect(detectFileType(PDF, PDF, PDF.length)).toBe('pdf');
    expect(detectFileType(PNG, PNG, PNG.length)).toBe('png');
    expect(detectFileType(JPEG, JPEG, JPEG.length)).toBe('jpeg');
  });

  it('calls a ZIP a PowerPoint deck only when its directory holds ppt/presentation.xml', () => {
    expect(detectFileType(PPTX, PPTX, PPTX.length)).toBe('pptx');
    const workbook = storedZip({ 'xl/workbook.xml': '<workbook/>' });
    expect(detectFileType(workbook, workbook, workbook.length)).toBe('xlsx');
    const plainZip = storedZip({ 'presentation.xml': 'not in ppt/', 'notes.txt': 'ppt/presentation.xml' });
    expect(detectFileType(plainZip, plainZip, plainZip.length)).toBeNull();
    // "PK" and nothing of a ZIP after it.
    const fake = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]);
    expect(detectFileType(fake, fake, fake.length)).toBeNull();
  });

  it('refuses what it does not know, whatever the name would say', () => {
    expect(detectFileType(EXE, EXE, EXE.length)).toBeNull();
    expect(detectFileType(Buffer.from('<html>'), Buffer.from('<html>'), 6)).toBeNull();
    expect(detectFileType(Buffer.alloc(0), Buffer.alloc(0), 0)).toBeNull();
  });
});

describe(zipEntryNames.name, () => {
  it('reads the directory through a ZIP comment and from a tail that is only the end of the file', () => {
    const zip = storedZip({ 'ppt/presentation.xml': 'x'.repeat(500), 'ppt/slides/slide1.xml': '<s/>' }, 'made by a test');
    expect(zipEntryNames(zip, zip.length)).toEqual(new Set(['ppt/presentation.xml', 'ppt/slides/slide1.xml']));
    // The directory starts after the 500-byte member, so the last 200 bytes hold all of it.
    expect(zipEntryNames(zip.subarray(-200), zip.length)).toEqual(new Set(['ppt/presentation.xml', 'ppt/slides/slide1.xml']));
    // A tail that cuts the directory cannot be read.
    expect(zipEntryNames(zip.subarray(-60), zip.length)).toBeNull();
  });
});

describe(FileInspector.name, () => {
  it('passes every byte of an accepted file through and names its type, in chunks of any size', async () => {
    for (const chunkSize of [1, 3, 4096]) {
      const result = await inspect(PPTX, ['pdf', 'pptx'], chunkSize);
      expect(result.type).toBe('pptx');
      expect(result.passed.equals(PPTX)).toBe(true);
      expect(result.size).toBe(PPTX.length);
    }
  });

  it('reads the directory at the end of a file larger than what it keeps of the tail', async () => {
    const deck = storedZip({ 'ppt/media/image1.png': Buffer.alloc(3 * 1024 * 1024, 7), 'ppt/presentation.xml': '<p/>' });
    const result = await inspect(deck, ['pptx'], 64 * 1024);
    expect(result.type).toBe('pptx');
    expect(result.passed.length).toBe(deck.length);
  });

  it('passes nothing of a refused file on but still reads it to its end', async () => {
    const result = await inspect(EXE, ['pdf', 'png', 'jpeg', 'pptx']);
    expect(result).toEqual({ type: null, passed: Buffer.alloc(0), size: EXE.length });
  });

  it('refuses a ZIP that is not of an accepted kind, and a file shorter than any signature', async () => {
    const workbook = storedZip({ 'xl/workbook.xml': '<workbook/>' });
    expect((await inspect(workbook, ['pdf', 'pptx'])).type).toBeNull();
    expect((await inspect(workbook, ['xlsx'])).type).toBe('xlsx');
    expect((await inspect(Buffer.from('%P'), ['pdf'])).type).toBeNull();
  });
});
