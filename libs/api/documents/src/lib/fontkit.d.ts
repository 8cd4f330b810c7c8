// fontkit ships no type declarations; this is the part Laurel uses (pdfkit takes the font object as is).
declare module 'fontkit' {
  export interface FontkitFont {
    familyName: string;
    layout(text: string, features?: unknown): unknown;
  }
  export function create(buffer: Uint8Array): FontkitFont;
}
