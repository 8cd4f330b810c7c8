import { rewriteZip, unpackSmall } from '@laurel/api-core';

export const PDF = 'application/pdf';
export const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PNG = 'image/png';
export const JPEG = 'image/jpeg';

/**
 * The file with what names its makers removed and everything else byte for byte as it was: PDF
 * document info and XMP, Office core and app properties (author, last modified by, company,
 * manager), JPEG EXIF, XMP, IPTC and comments, PNG text and EXIF chunks. A type it cannot clean
 * is an error: a blind round never gets a file it could not check.
 */
export async function stripIdentifyingMetadata(contentType: string, bytes: Buffer): Promise<Buffer> {
  switch (contentType) {
    case PDF:
      return stripPdf(bytes);
    case PPTX:
    case DOCX:
    case XLSX:
      return stripOffice(bytes);
    case JPEG:
      return stripJpeg(bytes);
    case PNG:
      return stripPng(bytes);
    default:
      throw new Error(`No metadata cleaner for ${contentType}`);
  }
}

/**
 * Drops the trailer's document information dictionary (author, creator, producer, title, dates)
 * and every XMP stream with the references to it (the catalog's, a page's, an image's), and the
 * private application data (PieceInfo) some editors leave. Pages and their content are untouched.
 */
export async function stripPdf(bytes: Buffer): Promise<Buffer> {
  // pdf-lib is loaded with the first PDF of a blind round, not at boot (about 3 MB of heap).
  const { PDFDict, PDFDocument, PDFName, PDFRef, PDFStream } = await import('pdf-lib');
  const METADATA = PDFName.of('Metadata');
  const TYPE = PDFName.of('Type');
  const PIECE_INFO = PDFName.of('PieceInfo');
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const { context } = doc;
  const info = context.trailerInfo.Info;
  if (info instanceof PDFRef) context.delete(info);
  context.trailerInfo.Info = undefined;
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : null;
    if (!dict) continue;
    if (dict.get(TYPE) === METADATA) {
      context.delete(ref);
      continue;
    }
    dict.delete(METADATA);
    dict.delete(PIECE_INFO);
  }
  return Buffer.from(await doc.save({ useObjectStreams: false, updateFieldAppearances: false }));
}

/** Office properties that name people or their organization (docProps/core.xml and app.xml). */
const OFFICE_PROPERTIES: Record<string, string[]> = {
  'docProps/core.xml': ['creator', 'lastModifiedBy'],
  'docProps/app.xml': ['Company', 'Manager'],
};

/** The Office file rewritten as the ZIP it is, with the identifying properties taken out of its XML. */
export function stripOffice(bytes: Buffer): Buffer {
  return rewriteZip(bytes, (entry) => {
    const names = OFFICE_PROPERTIES[entry.name];
    if (!names) return undefined;
    // Properties parts are a few hundred bytes; unpackSmall never goes past the declared size.
    return Buffer.from(withoutElements(unpackSmall(bytes, entry).toString('utf8'), names), 'utf8');
  });
}

/** Removes `<prefix:name …>…</prefix:name>` and `<prefix:name/>` for each local name, whatever the prefix. */
export function withoutElements(xml: string, localNames: string[]): string {
  let out = xml;
  for (const name of localNames) {
    const pattern = new RegExp(`<((?:[\\w.-]+:)?)${name}(?:\\s[^>]*)?(?:/>|>[\\s\\S]*?</\\1${name}\\s*>)`, 'g');
    out = out.replace(pattern, '');
  }
  return out;
}

/**
 * JPEG segments kept: JFIF (APP0), ICC colour profiles (APP2) and Adobe's colour transform
 * (APP14), without which some images decode with wrong colours; every other application segment
 * (EXIF and XMP in APP1, IPTC in APP13, vendor data) and comments go. From the start of scan on,
 * the bytes are copied unchanged. (EXIF's orientation goes with EXIF: a photo taken sideways
 * shows as stored.)
 */
export function stripJpeg(bytes: Buffer): Buffer {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error('not a JPEG');
  const kept: Buffer[] = [bytes.subarray(0, 2)];
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) throw new Error(`JPEG damaged at byte ${at}`);
    const marker = bytes[at + 1];
    if (marker === undefined) throw new Error('JPEG cut short');
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) {
      kept.push(bytes.subarray(at));
      return Buffer.concat(kept);
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      kept.push(bytes.subarray(at, at + 2));
      at += 2;
      continue;
    }
    if (at + 4 > bytes.length) throw new Error('JPEG cut short');
    const end = at + 2 + bytes.readUInt16BE(at + 2);
    if (end > bytes.length) throw new Error('JPEG segment runs past the end');
    const isApp = marker >= 0xe0 && marker <= 0xef;
    const keep = !(marker === 0xfe || (isApp && marker !== 0xe0 && marker !== 0xe2 && marker !== 0xee));
    if (keep) kept.push(bytes.subarray(at, end));
    at = end;
  }
  throw new Error('JPEG has no image data');
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Text (author, software, comments, XMP in iTXt) and EXIF chunks; the image chunks stay with their CRCs. */
const PNG_DROPPED = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf']);

export function stripPng(bytes: Buffer): Buffer {
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG');
  const kept: Buffer[] = [PNG_SIGNATURE];
  let at = 8;
  while (at + 12 <= bytes.length) {
    const end = at + 12 + bytes.readUInt32BE(at);
    if (end > bytes.length) throw new Error('PNG chunk runs past the end');
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (!PNG_DROPPED.has(type)) kept.push(bytes.subarray(at, end));
    at = end;
    if (type === 'IEND') break;
  }
  return Buffer.concat(kept);
}
