import { Client } from 'pg';
import { createDatabase, startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';

async function sql<T = any>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}

describe('audit trail', () => {
  let databaseUrl: string;
  let first: ApiProcess;
  let second: ApiProcess;
  let organizer: string;

  beforeAll(async () => {
    databaseUrl = await createDatabase();
    // Two processes behind one load balancer share the signing secret.
    const env = { JWT_SECRET: 'audit-e2e-secret-audit-e2e-secret-0123' };
    first = await startApi(env, databaseUrl);
    second = await startApi(env, databaseUrl);
    organizer = await registerOrganizer(new Http(first.url));
  });
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
  });

  async function registerOrganizer(http: Http): Promise<string> {
    await http.post('/api/auth/register', { email: 'org@audit.vn', password: 'password-1', displayName: 'O' });
    await sql(databaseUrl, `UPDATE users SET roles = '{organizer}' WHERE email = 'org@audit.vn'`);
    return http.login('org@audit.vn', 'password-1');
  }

  it('chains events written concurrently by two API processes without a fork', async () => {
    const attempts = Array.from({ length: 30 }, (_, i) =>
      new Http(i % 2 ? first.url : second.url).post('/api/auth/login', { email: `nobody${i}@audit.vn`, password: 'wrong-password' }),
    );
    expect((await Promise.all(attempts)).every((r) => r.status === 401)).toBe(true);

    const rows = await sql(databaseUrl, `SELECT id, prev_hash, hash FROM audit_events ORDER BY id`);
    expect(rows.length).toBeGreaterThanOrEqual(30);
    // Every event links to the one before it: no two events share a predecessor.
    expect(new Set(rows.map((r) => r.prev_hash)).size).toBe(rows.length);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);

    const verify = await new Http(first.url).get('/api/audit/verify', organizer);
    expect(verify.status).toBe(200);
    expect(verify.body).toEqual({ valid: true, count: rows.length });
  });

  it('records failed sign-ins', async () => {
    await new Http(first.url).post('/api/auth/login', { email: 'org@audit.vn', password: 'wrong-password' });
    const [event] = await sql(databaseUrl, `SELECT action, payload FROM audit_events ORDER BY id DESC LIMIT 1`);
    expect(event).toEqual({ action: 'auth.sign_in_failed', payload: { email: 'org@audit.vn' } });
  });

  it('refuses UPDATE and DELETE in the database itself', async () => {
    await expect(sql(databaseUrl, `UPDATE audit_events SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(sql(databaseUrl, `DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    await expect(sql(databaseUrl, `TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
  });

  it('names the first event that was edited behind its back', async () => {
    const [target] = await sql(databaseUrl, `SELECT id::text FROM audit_events ORDER BY id OFFSET 5 LIMIT 1`);
    // Someone with superuser rights switches the guard off and edits a row.
    await sql(
      databaseUrl,
      `BEGIN;
       ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only;
       UPDATE audit_events SET payload = '{"email":"someone-else@audit.vn"}' WHERE id = ${Number(target.id)};
       ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only;
       COMMIT;`,
    );
    const verify = await new Http(second.url).get('/api/audit/verify', organizer);
    expect(verify.body).toMatchObject({ valid: false, firstBrokenEventId: target.id });
  });

  it('is not readable by an applicant', async () => {
    const http = new Http(first.url);
    await http.post('/api/auth/register', { email: 'app@audit.vn', password: 'password-1', displayName: 'A' });
    const token = await http.login('app@audit.vn', 'password-1');
    expect((await http.get('/api/audit/verify', token)).status).toBe(403);
  });
});
