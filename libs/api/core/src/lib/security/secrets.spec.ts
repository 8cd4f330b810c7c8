import { redactText, redactUrl, withoutSecrets } from './secrets';

describe('secrets', () => {
  it('blanks secret query parameters and token path segments of a URL, and keeps the rest', () => {
    expect(redactUrl('/api/rounds/7/live?ticket=eyJyIjoiNyJ9.abc&x=1')).toBe('/api/rounds/7/live?ticket=[redacted]&x=1');
    expect(redactUrl('/api/x?Token=abc&access%54oken=def&page=2')).toBe('/api/x?Token=[redacted]&access%54oken=[redacted]&page=2');
    expect(redactUrl('/api/invitations/by-token/3f9a0c/extra')).toBe('/api/invitations/by-token/[redacted]/extra');
    expect(redactUrl('/api/contests?q=ticket')).toBe('/api/contests?q=ticket');
  });

  it('blanks JWTs and live tickets anywhere in a text', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
    const ticket = 'eyJyIjoiYWJjIiwic3ViIjoiMSJ9.bWFj';
    expect(redactText(`Bearer ${jwt} then ?ticket=${ticket}.`)).toBe('Bearer [redacted] then ?ticket=[redacted].');
  });

  it('copies an answer without its credentials, at any depth, and says it removed some', () => {
    expect(withoutSecrets({ accessToken: 't', user: { id: 'u', Password: 'p' }, list: [{ ticket: 'x', n: 1 }] })).toEqual({
      value: { user: { id: 'u' }, list: [{ n: 1 }] },
      removed: true,
    });
    expect(withoutSecrets({ url: '/api/rounds/1/live?ticket=abc', expiresAt: 'soon' })).toEqual({
      value: { url: '/api/rounds/1/live?ticket=[redacted]', expiresAt: 'soon' },
      removed: true,
    });
    expect(withoutSecrets({ id: 'e', status: 'submitted' })).toEqual({ value: { id: 'e', status: 'submitted' }, removed: false });
  });
});
