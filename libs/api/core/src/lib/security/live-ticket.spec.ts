import { signLiveTicket, verifyLiveTicket } from './live-ticket';

describe(signLiveTicket.name, () => {
  const secret = 'a-test-secret-of-at-least-32-characters';
  const user = { id: 'u1', email: 'organizer@example.vn', displayName: 'Ban tổ chức', roles: ['organizer' as const] };
  const now = Date.UTC(2026, 5, 1, 8, 0, 0);

  it('gives back the user for the round it was issued for, within 60 s', () => {
    const { ticket, expiresAt } = signLiveTicket(secret, 'round-1', user, now);
    expect(expiresAt.getTime()).toBe(now + 60_000);
    expect(verifyLiveTicket(secret, 'round-1', ticket, now + 59_000)).toEqual(user);
  });

  it('refuses it for another round, once expired, with another secret or when altered', () => {
    const { ticket } = signLiveTicket(secret, 'round-1', user, now);
    expect(verifyLiveTicket(secret, 'round-2', ticket, now)).toBeNull();
    expect(verifyLiveTicket(secret, 'round-1', ticket, now + 60_000)).toBeNull();
    expect(verifyLiveTicket(`${secret}x`, 'round-1', ticket, now)).toBeNull();
    const [body = '', signature] = ticket.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), roles: ['admin'] })).toString(
      'base64url',
    );
    expect(verifyLiveTicket(secret, 'round-1', `${forged}.${signature}`, now)).toBeNull();
    expect(verifyLiveTicket(secret, 'round-1', 'not-a-ticket', now)).toBeNull();
  });
});
