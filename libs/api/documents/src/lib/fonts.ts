import { create, type FontkitFont } from 'fontkit';
import { readFileSync } from 'node:fs';

/**
 * Noto Sans, from the npm package @expo-google-fonts/noto-sans (Google Fonts' TrueType files,
 * SIL Open Font License): it has every Vietnamese letter, precomposed, so the PDFs show "Giải
 * Nhất" the same on every machine. pdfkit embeds a subset of the glyphs a document uses.
 */
const FILES = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
} as const;

export type FontWeight = keyof typeof FILES;

const bytes = new Map<FontWeight, Buffer>();

/**
 * A fresh parse of the font for one document (the bytes are read once per process). Fresh,
 * because fontkit caches glyph objects with the characters they were first met with, and pdfkit
 * builds each document's ToUnicode map from them: a font shared between documents lost letters
 * from the second document's text.
 *
 * The OpenType substitution and positioning tables (GSUB, GPOS) are left out of the layout:
 * Noto Sans's `ccmp` splits ạ, ẹ, ị, ọ, ụ into a letter and a combining dot whose glyph maps to
 * no character (a reader searching "học" would find "ho6c"), and reading those tables costs
 * about 0.3 s per font and document. Without them every Vietnamese letter is its one precomposed
 * glyph from the character map; what is lost is kerning, which the certificates and sheets do
 * without. `_tables` is fontkit's table cache (fontkit 2): a table set there is never read.
 */
export function pdfFont(weight: FontWeight): FontkitFont {
  let data = bytes.get(weight);
  if (!data) {
    data = readFileSync(require.resolve(FILES[weight]));
    bytes.set(weight, data);
  }
  const font = create(data) as FontkitFont & { _tables: Record<string, unknown> };
  font._tables['GSUB'] = null;
  font._tables['GPOS'] = null;
  return font;
}
