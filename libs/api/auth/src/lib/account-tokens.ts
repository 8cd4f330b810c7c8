import { createHash, randomBytes } from 'node:crypto';

/** A fresh single-use secret for a mailed link (256 bits, URL-safe). */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this hash is stored: a leaked table lets no one in. */
export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
