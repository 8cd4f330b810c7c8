import { Client } from 'pg';
import { known } from '@laurel/domain';
import { runNode, startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';

// Throttles live in PostgreSQL: two API processes on one database count against the same numbers.
// Both trust one proxy hop (TRUST_PROXY=1), so each request names its client in X-Forwarded-For.

describe('throttles shared by API processes', () => {
  let first: ApiProcess;
  let second: ApiProcess;
  let db: Client;
  const http: Http[] = [];
  let client = 0;
  /** A client address of its own for each scenario (TEST-NET-2). */
  const newClient = () => `198.51.100.${++client}`;
  const post = (instance: number, path: string, body: unknown, from: string) =>
    known(http[instance % 2], 'http[instance % 2]').request('POST', path, { body, headers: { 'x-forwarded-for': from } });

  beforeAll(async () => {
    // One signing secret, so a token of one process is good on the other.
    const env = {
      JWT_SECRET: 'throttle-e2e-secret-throttle-e2e-secret-0123',
      TRUST_PROXY: '1',
      LOGIN_THROTTLE_LIMIT: '4',
      MAIL_THROTTLE_LIMIT: '2',
    };
    first = await startApi(env);
    second = await startApi(env, first.databaseUrl);
    http.push(new Http(first.url), new Http(second.url));
    db = new Client({ connectionString: first.databaseUrl });
    await db.connect();
  }, 90_000);
  afterAll(async () => {
    await db?.end();
    await Promise.all([first?.stop(), second?.stop()]);
  });

  it('counts sign-ups per client address across processes: the third within the hour is a 429 saying how long to wait', async () => {
    const from = newClient();
    const signUp = (instance: number, i: number) =>
      post(instance, '/api/auth/register', { email: `team${i}@throttle.vn`, password: 'password-1', displayName: 'T' }, from);
    expect((await signUp(0, 1)).status).toBe(202);
    expect((await signUp(1, 2)).status).toBe(202);
    const refused = await signUp(0, 3);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({
      statusCode: 429,
      code: 'auth.too_many_sign_ups',
      message: expect.stringMatching(/Wait \d+ minutes?, then try again/),
    });
    const retryAfter = Number(refused.headers.get('retry-after'));
    // The window is an hour from the first sign-up: a few seconds have passed since.
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(refused.body.details).toEqual({ retryAfterSeconds: retryAfter });
    // Nothing was written for the refused sign-up; another address, and another action, are not affected.
    expect((await db.query(`SELECT count(*)::int AS n FROM users WHERE email = 'team3@throttle.vn'`)).rows[0].n).toBe(0);
    expect((await signUp(1, 4)).status).toBe(429);
    expect(
      (await post(1, '/api/auth/register', { email: 'team5@throttle.vn', password: 'password-1', displayName: 'T' }, newClient())).status,
    ).toBe(202);
    expect((await post(0, '/api/auth/password-reset', { email: 'team1@throttle.vn' }, from)).status).toBe(202);
  });

  it('counts password reset requests per client address', async () => {
    const from = newClient();
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await post(i, '/api/auth/password-reset', { email: `someone${i}@throttle.vn` }, from)).status);
    expect(statuses).toEqual([202, 202, 429]);
    expect((await post(0, '/api/auth/password-reset', { email: 'someone@throttle.vn' }, from)).body.code).toBe('auth.too_many_resets');
  });

  it('counts confirmation resends per client address', async () => {
    const from = newClient();
    expect(
      (await post(0, '/api/auth/register', { email: 'resend@throttle.vn', password: 'password-1', displayName: 'R' }, from)).status,
    ).toBe(202);
    const token = (await post(1, '/api/auth/login', { email: 'resend@throttle.vn', password: 'password-1' }, from)).body.accessToken;
    const resend = (instance: number) =>
      known(http[instance], 'http[instance]').request('POST', '/api/auth/verify-email/resend', {
        body: {},
        token,
        headers: { 'x-forwarded-for': from },
      });
    expect([(await resend(0)).status, (await resend(1)).status]).toEqual([202, 202]);
    const refused = await resend(0);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('auth.too_many_resends');
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('counts sign-in attempts per client address per minute, whichever process answers', async () => {
    const from = newClient();
    const statuses = [];
    // Each attempt names another account, so only the address is counted.
    for (let i = 0; i < 5; i++)
      statuses.push((await post(i, '/api/auth/login', { email: `nobody${i}@throttle.vn`, password: 'wrong-password' }, from)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const refused = await post(1, '/api/auth/login', { email: 'nobody@throttle.vn', password: 'wrong-password' }, from);
    expect(refused.body.code).toBe('auth.too_many_attempts');
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    // Another client address is its own bucket.
    expect((await post(0, '/api/auth/login', { email: 'nobody@throttle.vn', password: 'wrong-password' }, newClient())).status).toBe(401);
  });

  it('makes an account wait after its fifth failed sign-in from any address, the right password included, and starts over once it signs in', async () => {
    const email = 'victim@throttle.vn';
    expect((await post(0, '/api/auth/register', { email, password: 'the-right-password', displayName: 'V' }, newClient())).status).toBe(
      202,
    );
    const statuses = [];
    // Five failures, alternating processes and addresses (each address well under its own limit).
    for (let i = 0; i < 5; i++)
      statuses.push(
        (await post(i, '/api/auth/login', { email: i % 2 ? email.toUpperCase() : email, password: `guess-${i}` }, newClient())).status,
      );
    expect(statuses).toEqual([401, 401, 401, 401, 401]);

    const locked = await post(1, '/api/auth/login', { email, password: 'the-right-password' }, newClient());
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('auth.account_locked');
    expect(locked.body.message).toMatch(/Wait \d+ seconds, or choose a new password/);
    // The fifth failure costs 30 s (signInLockSeconds).
    const wait = Number(locked.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(30);

    // Thirty seconds later (moved on in the table rather than waited for), the right password works
    // and the count starts over: the next failure is a plain 401.
    await db.query(`UPDATE throttles SET expire = $2 WHERE key = $1`, [`signin-lock:${email}`, Date.now() - 1]);
    expect((await post(0, '/api/auth/login', { email, password: 'the-right-password' }, newClient())).status).toBe(200);
    expect((await post(1, '/api/auth/login', { email, password: 'guess-again' }, newClient())).status).toBe(401);
    expect((await db.query(`SELECT points FROM throttles WHERE key = $1`, [`signin-fail:${email}`])).rows[0].points).toBe(1);
  });
});

describe('client addresses without TRUST_PROXY', () => {
  let api: ApiProcess;
  beforeAll(async () => {
    api = await startApi({ LOGIN_THROTTLE_LIMIT: '2' });
  });
  afterAll(() => api?.stop());

  it('ignores X-Forwarded-For, so a client cannot name a new address for each attempt', async () => {
    const http = new Http(api.url);
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      statuses.push(
        (
          await http.request('POST', '/api/auth/login', {
            body: { email: `x${i}@throttle.vn`, password: 'wrong-password' },
            headers: { 'x-forwarded-for': `203.0.113.${i}` },
          })
        ).status,
      );
    }
    expect(statuses).toEqual([401, 401, 429]);
  });

  it('refuses to boot with TRUST_PROXY=true or a malformed list, naming the variable', async () => {
    for (const [value, expected] of [
      ['true', /TRUST_PROXY: "true" would believe any client's X-Forwarded-For/],
      ['10.0.0.0/40', /TRUST_PROXY: "10\.0\.0\.0\/40" is not an IP address or CIDR range/],
    ] as const) {
      const result = await runNode('dist/apps/api/main.js', [], { DATABASE_URL: api.databaseUrl, TRUST_PROXY: value, PORT: '0' });
      expect(result.code).toBe(1);
      expect(result.output).toMatch(expected);
    }
  });
});
