import { readFileSync } from 'node:fs';

/**
 * Noto Sans, from the npm package @expo-google-fonts/noto-sans (Google Fonts' TrueType files,
 * SIL Open Font License): it has every Vietnamese letter, precomposed, so the PDFs show "Giải
 * Nhất" the same on every machine. pdfkit embeds a subset of the glyphs a document uses.
 * Read once per process; each document parses its own copy through fontkit.
 */
const FILES = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
} as const;

export type FontWeight = keyof typeof FILES;

const loaded = new Map<FontWeight, Buffer>();

export function fontBytes(weight: FontWeight): Buffer {
  let bytes = loaded.get(weight);
  if (!bytes) {
    bytes = readFileSync(require.resolve(FILES[weight]));
    loaded.set(weight, bytes);
  }
  return bytes;
}

/** The name the PDFs' font dictionaries carry (after pdfkit's six-letter subset tag). */
export const PDF_FONT_FAMILY = 'NotoSans';
