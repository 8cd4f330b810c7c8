/**
 * Folds a name to the form two spellings of the same organization or person share.
 *
 * Marks are stripped after NFKD so "Đại học Hải Phòng", "DAI HOC HAI PHONG" and "Dai  hoc Hai-Phong"
 * agree; NFKD rather than NFD also folds full-width letters pasted from East Asian keyboards.
 * Đ has no decomposition, so it is mapped by hand, together with the look-alike Icelandic Ð that
 * legacy Vietnamese encodings (VNI, TCVN3) often leave behind after conversion.
 * Punctuation and symbols count as white space: "FPT Corp." equals "FPT corp" and "Bách-khoa"
 * equals "Bach khoa". Legal suffixes (JSC, Co., Ltd) are kept: stripping them would make
 * different companies of one group collide.
 */
function foldName(name: string | null | undefined): string {
  if (!name) return '';
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[đð]/g, 'd')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** An empty result means "no organization": it never conflicts with anything. */
export function normalizeOrganization(organization: string | null | undefined): string {
  return foldName(organization);
}

export function normalizePersonName(name: string | null | undefined): string {
  return foldName(name);
}
