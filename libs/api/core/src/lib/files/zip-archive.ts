import { crc32, createInflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';

/** One file of a ZIP as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused before it is read. */
  method: number;
  encrypted: boolean;
  compressedSize: number;
  /** What the directory claims; the reader never lets a part unpack past it. */
  uncompressedSize: number;
  localHeaderOffset: number;
  crc32: number;
  /** DOS time and date, kept when the archive is rewritten. */
  modified: { time: number; date: number };
}

export type ZipProblem = 'not_zip' | 'zip64' | 'too_many_parts' | 'encrypted' | 'unknown_method' | 'damaged' | 'larger_than_declared';

/** Why a ZIP cannot be read, in words a caller turns into a refusal. */
export class ZipError extends Error {
  constructor(
    readonly problem: ZipProblem,
    message: string,
  ) {
    super(message);
  }
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** An Office file has a few dozen parts; thousands mean something else. */
const MAX_PARTS = 5000;

/**
 * The central directory of a ZIP held in memory, read without inflating anything: names, methods
 * and the sizes the parts claim, so limits are checked before a byte is unpacked.
 * ZIP64 is refused: nothing within the upload limit needs it.
 */
export function readZipDirectory(zip: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let at = zip.length - 22; at >= 0 && at >= zip.length - 22 - 0xffff; at--) {
    if (zip.readUInt32LE(at) === EOCD_SIGNATURE && at + 22 + zip.readUInt16LE(at + 20) === zip.length) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('not_zip', 'no ZIP directory at the end of the file');
  const count = zip.readUInt16LE(eocd + 10);
  const size = zip.readUInt32LE(eocd + 12);
  const offset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw new ZipError('zip64', 'a ZIP64 archive');
  if (count > MAX_PARTS) throw new ZipError('too_many_parts', `${count} parts`);
  if (offset + size > eocd) throw new ZipError('damaged', 'the directory points past the end of the file');

  const entries: ZipEntry[] = [];
  let cursor = offset;
  for (let i = 0; i < count; i++) {
    if (cursor + 46 > eocd || zip.readUInt32LE(cursor) !== CENTRAL_SIGNATURE)
      throw new ZipError('damaged', 'a directory record is cut short');
    const flags = zip.readUInt16LE(cursor + 8);
    const nameLength = zip.readUInt16LE(cursor + 28);
    const extraLength = zip.readUInt16LE(cursor + 30);
    const commentLength = zip.readUInt16LE(cursor + 32);
    const entry: ZipEntry = {
      name: zip.toString('utf8', cursor + 46, cursor + 46 + nameLength),
      method: zip.readUInt16LE(cursor + 10),
      encrypted: (flags & 1) === 1,
      compressedSize: zip.readUInt32LE(cursor + 20),
      uncompressedSize: zip.readUInt32LE(cursor + 24),
      localHeaderOffset: zip.readUInt32LE(cursor + 42),
      crc32: zip.readUInt32LE(cursor + 16),
      modified: { time: zip.readUInt16LE(cursor + 12), date: zip.readUInt16LE(cursor + 14) },
    };
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff || entry.localHeaderOffset === 0xffffffff) {
      throw new ZipError('zip64', 'a ZIP64 part');
    }
    entries.push(entry);
    cursor += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The compressed bytes of one part (a view into `zip`, not a copy). */
export function compressedBytes(zip: Buffer, entry: ZipEntry): Buffer {
  if (entry.encrypted) throw new ZipError('encrypted', `${entry.name} is encrypted`);
  if (entry.method !== 0 && entry.method !== 8)
    throw new ZipError('unknown_method', `${entry.name} uses compression method ${entry.method}`);
  const at = entry.localHeaderOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_SIGNATURE) throw new ZipError('damaged', `${entry.name} has no local header`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > zip.length) throw new ZipError('damaged', `${entry.name} runs past the end of the file`);
  return zip.subarray(start, end);
}

/** A small part unpacked whole, never past its declared size. */
export function unpackSmall(zip: Buffer, entry: ZipEntry): Buffer {
  const bytes = compressedBytes(zip, entry);
  if (entry.method === 0) return bytes;
  try {
    // One byte over the declared size is enough to know the directory lied.
    const out = inflateRawSync(bytes, { maxOutputLength: entry.uncompressedSize + 1 });
    if (out.length > entry.uncompressedSize) throw new ZipError('larger_than_declared', `${entry.name} unpacks past its declared size`);
    return out;
  } catch (error) {
    if (error instanceof ZipError) throw error;
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw new ZipError('larger_than_declared', `${entry.name} unpacks past its declared size`);
    throw new ZipError('damaged', `${entry.name} does not inflate`);
  }
}

/**
 * A part unpacked as a stream of chunks, stopped the moment it passes its declared size; the
 * consumer may stop early (break) and the inflater is destroyed, so a sheet is never held whole.
 */
export async function* unpackStream(zip: Buffer, entry: ZipEntry, chunkSize = 64 * 1024): AsyncGenerator<Buffer> {
  const bytes = compressedBytes(zip, entry);
  if (entry.method === 0) {
    for (let at = 0; at < bytes.length; at += chunkSize) yield bytes.subarray(at, at + chunkSize);
    return;
  }
  const inflater = createInflateRaw({ chunkSize });
  inflater.end(bytes);
  let total = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > entry.uncompressedSize) throw new ZipError('larger_than_declared', `${entry.name} unpacks past its declared size`);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw new ZipError('damaged', `${entry.name} does not inflate`);
  } finally {
    inflater.destroy();
  }
}

/**
 * A copy of the archive with some parts replaced: `replacement` returns new content for a part,
 * or undefined to keep it. Kept parts are copied compressed as they are (never inflated); new
 * content is deflated. Extra fields and comments are dropped, names, order and times are kept.
 */
export function rewriteZip(zip: Buffer, replacement: (entry: ZipEntry) => Buffer | undefined): Buffer {
  const body: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  const entries = readZipDirectory(zip);
  for (const entry of entries) {
    const fresh = replacement(entry);
    const data = fresh ? deflateRawSync(fresh) : compressedBytes(zip, entry);
    const part = {
      method: fresh ? 8 : entry.method,
      crc: fresh ? crc32(fresh) : entry.crc32,
      compressed: data.length,
      size: fresh ? fresh.length : entry.uncompressedSize,
    };
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_SIGNATURE, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8; no data descriptor: the sizes are known
    local.writeUInt16LE(part.method, 8);
    local.writeUInt16LE(entry.modified.time, 10);
    local.writeUInt16LE(entry.modified.date, 12);
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.compressed, 18);
    local.writeUInt32LE(part.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_SIGNATURE, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(part.method, 10);
    central.writeUInt16LE(entry.modified.time, 12);
    central.writeUInt16LE(entry.modified.date, 14);
    central.writeUInt32LE(part.crc >>> 0, 16);
    central.writeUInt32LE(part.compressed, 20);
    central.writeUInt32LE(part.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    body.push(local, name, data);
    directory.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const dir = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD_SIGNATURE, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...body, dir, end]);
}
