import { Transform, type TransformCallback } from 'node:stream';

/** What the first bytes of a file say it is. A ZIP needs its central directory to say more. */
export type FileFamily = 'pdf' | 'png' | 'jpeg' | 'zip';

/** The types an upload may end up as, decided from the bytes only. */
export type FileType = 'pdf' | 'png' | 'jpeg' | 'pptx' | 'xlsx';

export const FILE_TYPES: Record<FileType, { contentType: string; extensions: string[] }> = {
  pdf: { contentType: 'application/pdf', extensions: ['pdf'] },
  png: { contentType: 'image/png', extensions: ['png'] },
  jpeg: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  pptx: { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'] },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
};

const HEAD_BYTES = 8;
/**
 * How much of a file's end is kept to read a ZIP's central directory. About 80 bytes per file
 * inside the ZIP: room for some 13,000, far more than any slide deck or workbook holds.
 */
const TAIL_BYTES = 1024 * 1024;

const SIGNATURES: { family: FileFamily; bytes: number[] }[] = [
  { family: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { family: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { family: 'jpeg', bytes: [0xff, 0xd8, 0xff] },
  { family: 'zip', bytes: [0x50, 0x4b, 0x03, 0x04] }, // PK, a local file header
];

export function familyOf(head: Buffer): FileFamily | null {
  const match = SIGNATURES.find(({ bytes }) => head.length >= bytes.length && bytes.every((b, i) => head[i] === b));
  return match?.family ?? null;
}

/**
 * The names in a ZIP's central directory, read from the file's last bytes (`tail`) and its total
 * size; null when the end of the file is not a well-formed ZIP whose directory lies in the tail.
 * ZIP64 is not read: no upload within the size limit needs it.
 */
export function zipEntryNames(tail: Buffer, totalSize: number): Set<string> | null {
  const tailStart = totalSize - tail.length;
  // The end-of-central-directory record: 22 bytes and a comment of at most 65,535 bytes.
  for (let at = tail.length - 22; at >= 0 && at >= tail.length - 22 - 0xffff; at--) {
    if (tail.readUInt32LE(at) !== 0x06054b50) continue;
    if (at + 22 + tail.readUInt16LE(at + 20) !== tail.length) continue;
    const count = tail.readUInt16LE(at + 10);
    const size = tail.readUInt32LE(at + 12);
    const offset = tail.readUInt32LE(at + 16);
    if (offset === 0xffffffff || offset + size > tailStart + at) return null;
    let cursor = offset - tailStart;
    if (cursor < 0) return null;
    const names = new Set<string>();
    for (let i = 0; i < count; i++) {
      if (cursor + 46 > at || tail.readUInt32LE(cursor) !== 0x02014b50) return null;
      const nameLength = tail.readUInt16LE(cursor + 28);
      const extraLength = tail.readUInt16LE(cursor + 30);
      const commentLength = tail.readUInt16LE(cursor + 32);
      if (cursor + 46 + nameLength > at) return null;
      names.add(tail.toString('utf8', cursor + 46, cursor + 46 + nameLength));
      cursor += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  }
  return null;
}

/** The type of a whole file from its first bytes, its last bytes and its size. */
export function detectFileType(head: Buffer, tail: Buffer, totalSize: number): FileType | null {
  const family = familyOf(head);
  if (family !== 'zip') return family;
  const names = zipEntryNames(tail, totalSize);
  if (names?.has('ppt/presentation.xml')) return 'pptx';
  if (names?.has('xl/workbook.xml')) return 'xlsx';
  return null;
}

/**
 * Sits between an upload and storage and learns the file's type from the bytes going by,
 * keeping only the first few and the last megabyte. When the first bytes are of no accepted
 * family, it stops passing anything on and only drains the rest, so a refused file is never
 * stored beyond nothing at all and the request still ends cleanly.
 */
export class FileInspector extends Transform {
  private head = Buffer.alloc(0);
  private held: Buffer[] = [];
  private tail: Buffer[] = [];
  private tailBytes = 0;
  private decided: 'pass' | 'refuse' | null = null;
  size = 0;

  private readonly families: FileFamily[];

  constructor(private readonly accepted: readonly FileType[]) {
    super();
    this.families = accepted.map((type) => (type === 'pptx' || type === 'xlsx' ? 'zip' : type));
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    this.keepTail(chunk);
    if (this.decided === null) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_BYTES - this.head.length)]);
      this.held.push(chunk);
      if (this.head.length < HEAD_BYTES) return callback();
      this.decide();
      return callback();
    }
    if (this.decided === 'pass') this.push(chunk);
    callback();
  }

  override _flush(callback: TransformCallback): void {
    if (this.decided === null) this.decide();
    callback();
  }

  /** The file's type once the stream has ended; null when it is none this inspector accepts. */
  result(): FileType | null {
    if (this.decided !== 'pass') return null;
    const type = detectFileType(this.head, Buffer.concat(this.tail), this.size);
    return type && this.accepted.includes(type) ? type : null;
  }

  private decide(): void {
    const family = familyOf(this.head);
    this.decided = family && this.families.includes(family) ? 'pass' : 'refuse';
    if (this.decided === 'pass') for (const chunk of this.held) this.push(chunk);
    this.held = [];
  }

  private keepTail(chunk: Buffer): void {
    this.tail.push(chunk);
    this.tailBytes += chunk.length;
    while (this.tail.length > 1 && this.tailBytes - (this.tail[0]?.length ?? 0) >= TAIL_BYTES) {
      this.tailBytes -= (this.tail.shift() as Buffer).length;
    }
    if (this.tailBytes > TAIL_BYTES * 2) {
      // One huge chunk: keep only its end.
      const joined = Buffer.concat(this.tail).subarray(-TAIL_BYTES);
      this.tail = [joined];
      this.tailBytes = joined.length;
    }
  }
}
