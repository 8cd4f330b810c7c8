import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AuthUser } from '../auth-metadata/auth-user';
import { ROLES, type Role } from '@laurel/contracts';

/** Long enough to open the stream, short enough that a ticket seen in a log is worthless. */
export const LIVE_TICKET_TTL_SECONDS = 60;

interface TicketClaims {
  /** Round id. */
  r: string;
  sub: string;
  email: string;
  name: string;
  roles: Role[];
  /** Expiry, seconds since the epoch. */
  exp: number;
}

/**
 * A short-lived signed ticket for one round's live stream: EventSource cannot send an
 * Authorization header, and a session token in a URL would outlive the request in logs and
 * history. Signed with a key derived from the JWT secret, so it is never mistaken for a JWT.
 */
export function signLiveTicket(secret: string, roundId: string, user: AuthUser, now = Date.now()): { ticket: string; expiresAt: Date } {
  const exp = Math.floor(now / 1000) + LIVE_TICKET_TTL_SECONDS;
  const claims: TicketClaims = { r: roundId, sub: user.id, email: user.email, name: user.displayName, roles: user.roles, exp };
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return { ticket: `${body}.${mac(secret, body)}`, expiresAt: new Date(exp * 1000) };
}

/** The user a ticket was issued to, when it is genuine, unexpired and for this round; else null. */
export function verifyLiveTicket(secret: string, roundId: string, ticket: string, now = Date.now()): AuthUser | null {
  const [body, signature, extra] = ticket.split('.');
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(secret, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let claims: Partial<TicketClaims>;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (claims.r !== roundId || typeof claims.exp !== 'number' || claims.exp * 1000 <= now) return null;
  if (typeof claims.sub !== 'string' || typeof claims.email !== 'string' || !Array.isArray(claims.roles)) return null;
  const roles = claims.roles.filter((r): r is Role => ROLES.includes(r));
  return { id: claims.sub, email: claims.email, displayName: String(claims.name ?? ''), roles };
}

function mac(secret: string, body: string): string {
  const key = createHmac('sha256', secret).update('laurel live ticket v1').digest();
  return createHmac('sha256', key).update(body).digest('base64url');
}
