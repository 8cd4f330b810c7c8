import { Client } from 'pg';
import { known } from '@laurel/domain';
import { completeEntry, getBytes, newApplicant, openContest, postFile, sql } from './fixtures/entries';
import { tinyPdf } from './fixtures/files';
import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';

describe('Idempotency-Key', () => {
  let api: ApiProcess;
  let http: Http;
  let organizer: string;

  beforeAll(async () => {
    // With the demo accounts: new applicants confirm their address from the admin mailbox.
    const url = await createDatabase();
    const seeded = await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: url });
    if (seeded.code !== 0) throw new Error(`seed failed: ${seeded.output}`);
    api = await startApi({}, url);
    http = new Http(api.url);
    await http.post('/api/auth/register', { email: 'org@idem.vn', password: 'password-1', displayName: 'O' });
    const client = new Client({ connectionString: api.databaseUrl });
    await client.connect();
    await client.query(`UPDATE users SET roles = '{organizer}' WHERE email = 'org@idem.vn'`);
    await client.end();
    organizer = await http.login('org@idem.vn', 'password-1');
  });
  afterAll(() => api?.stop());

  const contest = (slug: string) => ({
    name: 'Idempotent contest',
    slug,
    year: 2027,
    submissionOpensAt: '2027-01-01T00:00:00+07:00',
    submissionClosesAt: '2027-02-01T00:00:00+07:00',
    categories: [{ name: 'A' }],
    prizes: [],
  });

  async function countContests(slug: string): Promise<number> {
    const client = new Client({ connectionString: api.databaseUrl });
    await client.connect();
    const { rows } = await client.query('SELECT count(*)::int AS n FROM contests WHERE slug = $1', [slug]);
    await client.end();
    return rows[0].n;
  }

  it('answers a retried POST with the first answer and changes nothing the second time', async () => {
    const headers = { 'idempotency-key': 'retry-7f3c1e2a' };
    const first = await http.request('POST', '/api/contests', { body: contest('idem-one'), token: organizer, headers });
    const second = await http.request('POST', '/api/contests', { body: contest('idem-one'), token: organizer, headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(await countContests('idem-one')).toBe(1);
  });

  it('without the header a repeat is a new request (here refused: the slug is taken)', async () => {
    await http.post('/api/contests', contest('idem-two'), organizer);
    const again = await http.post('/api/contests', contest('idem-two'), organizer);
    expect(again.status).toBe(409);
  });

  it('refuses the same key for a different request with 422', async () => {
    const headers = { 'idempotency-key': 'reused-key-1' };
    await http.request('POST', '/api/contests', { body: contest('idem-three'), token: organizer, headers });
    const other = await http.request('POST', '/api/contests', { body: contest('idem-four'), token: organizer, headers });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency.key_reused');
    expect(await countContests('idem-four')).toBe(0);
  });

  it('lets a refused request be retried with its key once corrected', async () => {
    const headers = { 'idempotency-key': 'fix-and-retry' };
    const bad = await http.request('POST', '/api/contests', { body: { ...contest('idem-five'), year: 1999 }, token: organizer, headers });
    expect(bad.status).toBe(400);
    // The refusal changed nothing, so the key is free again for the corrected request.
    const good = await http.request('POST', '/api/contests', { body: contest('idem-five'), token: organizer, headers });
    expect(good.status).toBe(201);
    const retry = await http.request('POST', '/api/contests', { body: contest('idem-five'), token: organizer, headers });
    expect(retry.body).toEqual(good.body);
    expect(await countContests('idem-five')).toBe(1);
  });

  it('refuses a malformed key with 400', async () => {
    const result = await http.request('POST', '/api/contests', {
      body: contest('idem-six'),
      token: organizer,
      headers: { 'idempotency-key': 'x'.repeat(201) },
    });
    expect(result.status).toBe(400);
    expect(result.body.code).toBe('idempotency.bad_key');
  });

  it('never keeps or replays a session token: a repeated sign-in says who, without the token', async () => {
    const headers = { 'idempotency-key': 'sign-in-once' };
    const body = { email: 'org@idem.vn', password: 'password-1' };
    const first = await http.request('POST', '/api/auth/login', { body, headers });
    expect(first.status).toBe(200);
    expect(first.body.accessToken).toEqual(expect.any(String));
    const replay = await http.request('POST', '/api/auth/login', { body, headers });
    expect(replay.status).toBe(200);
    expect(replay.body.accessToken).toBeUndefined();
    expect(replay.body.user).toEqual(first.body.user);
    const stored = await sql(api.databaseUrl, `SELECT response::text AS response FROM idempotency_keys WHERE key = 'sign-in-once'`);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.response).not.toContain(first.body.accessToken);
    expect(stored[0]?.response).not.toMatch(/accessToken/i);
  });

  it('scopes a key to the caller: another caller with the same key runs their own request', async () => {
    const headers = { 'idempotency-key': 'shared-key-42' };
    await http.request('POST', '/api/auth/register', { body: { email: 'second@idem.vn', password: 'password-2', displayName: 'S' } });
    await sql(api.databaseUrl, `UPDATE users SET roles = '{organizer}' WHERE email = 'second@idem.vn'`);
    const second = await http.login('second@idem.vn', 'password-2');
    const mine = await http.request('POST', '/api/contests', { body: contest('idem-mine'), token: organizer, headers });
    const theirs = await http.request('POST', '/api/contests', { body: contest('idem-theirs'), token: second, headers });
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it('ties a multipart upload to its file: the same file replays, another file under the same key is a 422', async () => {
    const open = await openContest(http, api.databaseUrl, organizer, { slug: 'idem-uploads' });
    const team = await newApplicant(http);
    const entry = (
      await http.post(
        `/api/contests/${open.id}/entries`,
        completeEntry(open, known(open.categories[0], 'open.categories[0]').id),
        team.token,
      )
    ).body;
    const upload = (bytes: Buffer, key: string) =>
      postFile(api.url, `/api/entries/${entry.id}/attachments`, team.token, {
        bytes,
        fileName: 'deck.pdf',
        kind: 'pitch_deck',
        headers: { 'idempotency-key': key },
      });

    const first = await upload(tinyPdf(), 'deck-upload-1');
    expect(first.status).toBe(201);
    const again = await upload(tinyPdf(), 'deck-upload-1');
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const other = await upload(tinyPdf(900), 'deck-upload-1');
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency.key_reused');
    const stored = await sql(api.databaseUrl, 'SELECT count(*)::int AS n FROM attachments WHERE entry_id = $1', [entry.id]);
    expect(stored[0]?.n).toBe(1);
    // The file still reaches the route whole through the key's fingerprinting.
    const download = await getBytes(api.url, `/api/entries/${entry.id}/attachments/${first.body.id}`, team.token);
    expect(download.status).toBe(200);
    expect(download.bytes.equals(tinyPdf())).toBe(true);
  });
});
