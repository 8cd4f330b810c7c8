import { createHash, randomBytes } from 'node:crypto';
import type { AccountTokensRepository } from '@laurel/api-database';
import type { MailOutbox } from '@laurel/api-mail';
import type { MailLanguage } from '@laurel/contracts';

/** A fresh single-use secret for a mailed link (256 bits, URL-safe). */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this hash is stored: a leaked table lets no one in. */
export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The links an account is mailed to its own mailbox; each mail template is named after its token's purpose. */
export type AccountLinkPurpose = 'verify_email' | 'password_reset';

/**
 * Mails an account a link of its own, in the caller's transaction: a fresh token replacing any
 * unused one of the same purpose (one live link at a time; only its hash is stored) and the
 * message that carries it.
 */
export async function mailAccountLink(
  deps: { tokens: AccountTokensRepository; mail: MailOutbox },
  manager: Parameters<MailOutbox['enqueue']>[0],
  user: { id: string; email: string; displayName: string; language: MailLanguage },
  link: { purpose: AccountLinkPurpose; ttlMs: number },
): Promise<void> {
  const token = newLinkToken();
  await deps.tokens.replace(manager, {
    userId: user.id,
    purpose: link.purpose,
    tokenHash: hashLinkToken(token),
    expiresAt: new Date(Date.now() + link.ttlMs),
  });
  await deps.mail.enqueue(manager, {
    to: user.email,
    language: user.language,
    template: link.purpose,
    params: { displayName: user.displayName, token },
    userId: user.id,
  });
}
