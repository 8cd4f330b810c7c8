/**
 * The lower-cased part after the last "@", or null when there is none.
 * Subdomains are not merged with their parent ("cs.hust.edu.vn" differs from "hust.edu.vn"):
 * finding an organization's own domain needs the Public Suffix List (edu.vn, com.vn, ...), and
 * the organization-name check already catches most of those pairs.
 */
export function emailDomain(email: string | null | undefined): string | null {
  if (!email) return null;
  const trimmed = email.trim();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0) return null;
  const domain = trimmed
    .slice(at + 1)
    .toLowerCase()
    .replace(/\.+$/, '');
  return domain === '' ? null : domain;
}

export function normalizeEmail(email: string | null | undefined): string {
  return email ? email.trim().toLowerCase() : '';
}
