import { FILE_TYPES, type FileType } from './file-type';

const MAX_NAME_CHARACTERS = 150;

/** C0 and C1 controls, and the invisible marks that can make `exe.pdf` display as `fdp.exe`. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * The name a file is kept and offered under: the uploaded name without any path, controls or
 * characters file systems refuse, at most 150 characters, and ending with an extension of the
 * type its bytes showed (appended when the name claims another). Only ever shown, never used
 * to store the file.
 */
export function sanitizeFileName(uploaded: string | undefined, type: FileType): string {
  const extensions = FILE_TYPES[type].extensions;
  let name = (uploaded ?? '').normalize('NFC').replace(INVISIBLE, '');
  name = name.split(/[/\\]/).pop() ?? '';
  name = name
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  let base = extensions.includes(extension) ? name.slice(0, dot) : name;
  const suffix = `.${extensions.includes(extension) ? extension : extensions[0]}`;
  if (!base) base = 'file';
  // Cut by code points, so a Vietnamese letter or an emoji is never split in half.
  const room = MAX_NAME_CHARACTERS - suffix.length;
  const points = Array.from(base);
  if (points.length > room) base = points.slice(0, room).join('').trimEnd();
  return `${base}${suffix}`;
}

/**
 * `attachment` with an ASCII fallback for old clients and the exact name in RFC 5987 form:
 * `Hồ sơ.pdf` → `attachment; filename="Ho so.pdf"; filename*=UTF-8''H%E1%BB%93%20s%C6%A1.pdf`.
 */
export function contentDisposition(fileName: string): string {
  const ascii =
    fileName
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^\x20-\x7e]/g, '_')
      .replace(/["\\]/g, '_') || 'file';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
