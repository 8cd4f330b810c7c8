import { createHmac } from 'node:crypto';
import { Client } from 'pg';
import { startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';

function base64url(value: object | string): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

describe('auth over HTTP', () => {
  let api: ApiProcess;
  let http: Http;
  const jwtSecret = 'e2e-secret-e2e-secret-e2e-secret-0123456789';

  beforeAll(async () => {
    api = await startApi({ JWT_SECRET: jwtSecret });
    http = new Http(api.url);
  });
  afterAll(() => api?.stop());

  it('registers an applicant, signs in and answers me', async () => {
    const register = await http.post('/api/auth/register', {
      email: 'Hoa.Nguyen@Startup.vn',
      password: 'correct horse',
      displayName: 'Nguyễn Thị Hoa',
    });
    expect(register.status).toBe(202);
    expect(register.body).toEqual({ message: expect.stringMatching(/Check your mailbox/) });

    // An unverified account may sign in (and keep drafts).
    const token = await http.login('hoa.nguyen@startup.vn', 'correct horse');
    const me = await http.get('/api/auth/me', token);
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      id: expect.any(String),
      email: 'Hoa.Nguyen@Startup.vn',
      displayName: 'Nguyễn Thị Hoa',
      roles: ['applicant'],
      emailVerified: false,
      language: 'vi',
    });
  });

  it('keeps e-mails unique whatever their case, answering a taken address exactly like a new one', async () => {
    const first = await http.post('/api/auth/register', { email: 'dup@example.vn', password: 'password-1', displayName: 'A' });
    const again = await http.post('/api/auth/register', { email: 'DUP@example.VN', password: 'password-2', displayName: 'B' });
    expect(again.status).toBe(202);
    expect(again.body).toEqual(first.body);
    // The second sign-up changed nothing: the first password still signs in, the second does not.
    expect((await http.post('/api/auth/login', { email: 'dup@example.vn', password: 'password-1' })).status).toBe(200);
    expect((await http.post('/api/auth/login', { email: 'dup@example.vn', password: 'password-2' })).status).toBe(401);
  });

  it('stores the password as argon2id at the OWASP minimum', async () => {
    await http.post('/api/auth/register', { email: 'hash@example.vn', password: 'password-1', displayName: 'H' });
    const client = new Client({ connectionString: api.databaseUrl });
    await client.connect();
    const { rows } = await client.query(`SELECT password_hash FROM users WHERE email = 'hash@example.vn'`);
    await client.end();
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  });

  it('refuses a wrong password with 401 and the same answer for an unknown e-mail', async () => {
    await http.post('/api/auth/register', { email: 'wrong@example.vn', password: 'password-1', displayName: 'W' });
    const wrong = await http.post('/api/auth/login', { email: 'wrong@example.vn', password: 'password-2' });
    const unknown = await http.post('/api/auth/login', { email: 'nobody@example.vn', password: 'password-2' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('auth.invalid_credentials');
  });

  it('names each password rule a new password breaks by its field problem code', async () => {
    const same = await http.post('/api/auth/register', { email: 'same@example.vn', password: ' Same@Example.vn ', displayName: 'S' });
    expect(same.status).toBe(400);
    expect(same.body).toMatchObject({
      code: 'auth.weak_password',
      fields: [{ field: 'password', code: 'password.is_email', message: 'must not be the same as the e-mail address' }],
    });
    const spaces = await http.post('/api/auth/register', { email: 'spaces@example.vn', password: ' '.repeat(12), displayName: 'S' });
    expect(spaces.body).toMatchObject({
      code: 'auth.weak_password',
      fields: [{ field: 'password', code: 'password.blank', message: 'must not be only spaces' }],
    });
  });

  it('refuses a short password, a missing field and an unknown field with 400 naming the field', async () => {
    const short = await http.post('/api/auth/register', { email: 'short@example.vn', password: 'short', displayName: 'S' });
    expect(short.status).toBe(400);
    expect(short.body.fields).toEqual([{ field: 'password', message: 'must be at least 8 characters long', code: 'min_length', limit: 8 }]);

    const missing = await http.post('/api/auth/register', { email: 'missing@example.vn', password: 'password-1' });
    expect(missing.status).toBe(400);
    expect(missing.body.fields.map((f: { field: string }) => f.field)).toEqual(['displayName']);
    expect(missing.body.message).toMatch(/displayName/);

    const unknown = await http.post('/api/auth/register', {
      email: 'extra@example.vn',
      password: 'password-1',
      displayName: 'E',
      roles: ['admin'],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields).toEqual([{ field: 'roles', message: 'is not a known field: remove it', code: 'unknown' }]);

    const loginMissing = await http.post('/api/auth/login', { email: 'extra@example.vn' });
    expect(loginMissing.status).toBe(400);
    expect(loginMissing.body.fields[0].field).toBe('password');
  });

  it('answers broken JSON with 400 in the common error shape', async () => {
    const broken = await http.request('POST', '/api/auth/login', { raw: '{"email": ' });
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(typeof broken.body.message).toBe('string');
  });

  describe('tokens', () => {
    let claims: Record<string, unknown>;

    beforeAll(async () => {
      await http.post('/api/auth/register', { email: 'token@example.vn', password: 'password-1', displayName: 'T' });
      const token = await http.login('token@example.vn', 'password-1');
      const [, payload] = token.split('.');
      if (payload === undefined) throw new Error(`the session token is not a JWT: ${token}`);
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    });

    function sign(header: object, payload: object, secret = jwtSecret): string {
      const unsigned = `${base64url(header)}.${base64url(payload)}`;
      return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
    }

    it('accepts a token it signed itself', async () => {
      expect((await http.get('/api/auth/me', sign({ alg: 'HS256', typ: 'JWT' }, claims))).status).toBe(200);
    });

    it('refuses a tampered token (401)', async () => {
      const token = sign({ alg: 'HS256', typ: 'JWT' }, claims);
      const [h, , s] = token.split('.');
      const tampered = `${h}.${base64url({ ...claims, roles: ['admin'] })}.${s}`;
      const result = await http.get('/api/auth/me', tampered);
      expect(result.status).toBe(401);
    });

    it('refuses a token signed with another secret (401)', async () => {
      expect((await http.get('/api/auth/me', sign({ alg: 'HS256' }, claims, 'another-secret-another-secret-0123'))).status).toBe(401);
    });

    it('refuses an expired token (401, saying so)', async () => {
      const now = Math.floor(Date.now() / 1000);
      const result = await http.get('/api/auth/me', sign({ alg: 'HS256', typ: 'JWT' }, { ...claims, iat: now - 7200, exp: now - 3600 }));
      expect(result.status).toBe(401);
      expect(result.body.code).toBe('auth.token_expired');
    });

    it('refuses an alg:none token (401)', async () => {
      const none = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
      expect((await http.get('/api/auth/me', none)).status).toBe(401);
    });

    it('refuses no token at all on a protected route (401)', async () => {
      const result = await http.get('/api/auth/me');
      expect(result.status).toBe(401);
      expect(result.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Please sign in to continue.',
        code: 'auth.unauthenticated',
      });
    });
  });

  it('refuses an organizer-only route to an applicant with 403', async () => {
    await http.post('/api/auth/register', { email: 'applicant@example.vn', password: 'password-1', displayName: 'A' });
    const token = await http.login('applicant@example.vn', 'password-1');
    const result = await http.post(
      '/api/contests',
      {
        name: 'Test contest',
        slug: 'test-contest',
        year: 2027,
        submissionOpensAt: '2027-01-01T00:00:00Z',
        submissionClosesAt: '2027-02-01T00:00:00Z',
        categories: [{ name: 'A' }],
        prizes: [],
      },
      token,
    );
    expect(result.status).toBe(403);
    expect(result.body).toMatchObject({ statusCode: 403, error: 'Forbidden', code: 'auth.role_required' });
  });

  it('reports the database in health', async () => {
    const health = await http.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok', db: 'up' });
  });

  it('serves the OpenAPI document generated from the code', async () => {
    const doc = await http.get('/api/docs-json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/auth/register', '/api/auth/me', '/api/health']),
    );
  });

  it('sends security headers', async () => {
    const health = await http.get('/api/health');
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect(health.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});

describe('login throttling', () => {
  let api: ApiProcess;
  beforeAll(async () => {
    api = await startApi({ LOGIN_THROTTLE_LIMIT: '10' });
  });
  afterAll(() => api?.stop());

  it('answers the 11th attempt within a minute from one client with 429', async () => {
    const http = new Http(api.url);
    const statuses: number[] = [];
    // Another address each time: one account's failures have a limit of their own (throttles.e2e-spec).
    for (let i = 0; i < 11; i++) {
      statuses.push((await http.post('/api/auth/login', { email: `nobody${i}@example.vn`, password: 'whatever-1' })).status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
    const blocked = await http.post('/api/auth/login', { email: 'nobody@example.vn', password: 'whatever-1' });
    expect(blocked.body).toMatchObject({ statusCode: 429, code: 'auth.too_many_attempts' });
    expect(blocked.headers.get('retry-after')).toBeTruthy();
  });
});
