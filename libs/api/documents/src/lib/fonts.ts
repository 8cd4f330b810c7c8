import { create, type FontkitFont } from 'fontkit';
import { readFileSync } from 'node:fs';

/**
 * Noto Sans, from the npm package @expo-google-fonts/noto-sans (Google Fonts' TrueType files,
 * SIL Open Font License): it has every Vietnamese letter, precomposed, so the PDFs show "Giải
 * Nhất" the same on every machine. pdfkit embeds a subset of the glyphs a document uses.
 *
 * Each font is parsed once per process and shared by every document: pdfkit takes a parsed
 * fontkit font, builds its own subset per document, and lays each word out once per document
 * (its word cache works only when no per-call features are passed, hence the default below).
 */
const FILES = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
} as const;

export type FontWeight = keyof typeof FILES;

const parsed = new Map<FontWeight, FontkitFont>();

/**
 * Noto Sans's `ccmp` feature splits ạ, ẹ, ị, ọ, ụ into a base letter and a combining dot; the
 * dot glyph maps to no character, so a reader copying or searching the text would find "ho6c"
 * for "học". The font has every precomposed Vietnamese letter, so `ccmp` is off for every run:
 * each letter stays one glyph that maps back to itself.
 */
const KEEP_PRECOMPOSED = { ccmp: false };

export function pdfFont(weight: FontWeight): FontkitFont {
  let font = parsed.get(weight);
  if (!font) {
    const loaded = create(readFileSync(require.resolve(FILES[weight])));
    const layout = loaded.layout.bind(loaded);
    loaded.layout = (text: string, features?: unknown) => layout(text, features ?? KEEP_PRECOMPOSED);
    font = loaded;
    parsed.set(weight, font);
  }
  return font;
}
