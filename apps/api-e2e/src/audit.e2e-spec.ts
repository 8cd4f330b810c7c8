import { Client } from 'pg';
import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';
import { createJudgingContest, insertEntries, type JudgingContest, scoreAndSubmit } from './support/judging-fixtures';

const GENESIS = '0'.repeat(64);

/** Every chain (a contest's, or the platform's for events without one) links event to event in id order. */
function expectUnforkedChains(rows: { id: string; contest_id: string | null; prev_hash: string; hash: string }[]): Map<string, number> {
  const heads = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const row of rows) {
    const chain = row.contest_id ?? 'platform';
    expect(row.prev_hash).toBe(heads.get(chain) ?? GENESIS);
    heads.set(chain, row.hash);
    counts.set(chain, (counts.get(chain) ?? 0) + 1);
  }
  // No two events share a predecessor: a fork would show here.
  expect(new Set(rows.map((r) => `${r.contest_id ?? 'platform'} ${r.prev_hash}`)).size).toBe(rows.length);
  return counts;
}

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
  /** The platform-wide verification is the administrator's. */
  let admin: string;
  let contests: JudgingContest[];
  /** The two contests the chain test judged; the tests after it use them. */
  const judgedContests = (): [JudgingContest, JudgingContest] => {
    const [a, b] = contests;
    if (a === undefined || b === undefined) throw new Error('the two judged contests are missing: the chain test did not make them');
    return [a, b];
  };

  beforeAll(async () => {
    databaseUrl = await createDatabase();
    // The demo accounts (judge1..3) judge the contests below.
    expect((await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: databaseUrl })).code).toBe(0);
    // Two processes behind one load balancer share the signing secret.
    const env = { JWT_SECRET: 'audit-e2e-secret-audit-e2e-secret-0123' };
    first = await startApi(env, databaseUrl);
    second = await startApi(env, databaseUrl);
    organizer = await registerOrganizer(new Http(first.url));
    admin = await new Http(first.url).login('admin@demo.laurel');
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

    const rows = await sql(databaseUrl, `SELECT id::text, contest_id, prev_hash, hash FROM audit_events ORDER BY audit_events.id`);
    expect(rows.length).toBeGreaterThanOrEqual(30);
    expectUnforkedChains(rows);

    const verify = await new Http(first.url).get('/api/audit/verify', admin);
    expect(verify.status).toBe(200);
    expect(verify.body).toEqual({ valid: true, count: rows.length });
  });

  it('keeps one chain per contest while two processes judge two contests and sign-ins fail at once', async () => {
    const a = new Http(first.url);
    const b = new Http(second.url);
    const judgeEmails = ['judge1@demo.laurel', 'judge2@demo.laurel', 'judge3@demo.laurel'];
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      contests = [];
      for (let c = 0; c < 2; c++) {
        const contest = await createJudgingContest(a, organizer, {
          rounds: [{ name: 'Final', panel: 'complete' }],
          judges: judgeEmails.map((email) => ({ email, displayName: email })),
        });
        await insertEntries(
          db,
          contest,
          ['Alpha', 'Beta'].map((title) => ({
            title,
            organization: `${title} ${c} JSC`,
            members: [{ name: `${title} founder`, role: 'CEO' }],
          })),
        );
        expect((await a.post(`/api/rounds/${contest.rounds[0].id}/open`, {}, organizer)).status).toBe(200);
        expect((await b.post(`/api/rounds/${contest.rounds[0].id}/assignments/auto`, {}, organizer)).status).toBe(200);
        contests.push(contest);
      }
      // 3 judges × 2 entries × 2 contests, alternately through the two processes, with failed sign-ins among them.
      const work: Promise<unknown>[] = [];
      for (const [j, email] of judgeEmails.entries()) {
        const token = await a.login(email);
        const mine = (await a.get('/api/me/assignments', token)).body as { id: string }[];
        for (const [i, assignment] of mine.entries()) work.push(scoreAndSubmit((i + j) % 2 ? a : b, token, assignment.id, 0.5 + 0.1 * i));
        work.push(b.post('/api/auth/login', { email: `nobody-else${j}@audit.vn`, password: 'wrong-password' }));
      }
      await Promise.all(work);
      for (const contest of contests) expect((await b.post(`/api/rounds/${contest.rounds[0].id}/close`, {}, organizer)).status).toBe(200);
    } finally {
      await db.end();
    }

    const rows = await sql(databaseUrl, `SELECT id::text, contest_id, prev_hash, hash FROM audit_events ORDER BY audit_events.id`);
    const counts = expectUnforkedChains(rows);
    for (const contest of contests) {
      // At least: the round opened, the assignment run, 6 saves, 6 submissions, the round closed.
      expect(counts.get(contest.id)).toBeGreaterThanOrEqual(15);
      const verify = await a.get(`/api/contests/${contest.id}/audit/verify`, organizer);
      expect(verify.status).toBe(200);
      expect(verify.body).toEqual({ valid: true, count: counts.get(contest.id) });
    }
    expect((await b.get('/api/audit/verify', admin)).body).toEqual({ valid: true, count: rows.length });
  });

  it('writes every event of a contest run with its contest, round openings and closings included', async () => {
    for (const contest of contests) {
      const actions = (await sql(databaseUrl, `SELECT DISTINCT action FROM audit_events WHERE contest_id = $1`, [contest.id])).map(
        (r) => r.action,
      );
      expect(actions).toEqual(
        expect.arrayContaining(['round.opened', 'assignment.created', 'sheet.saved', 'sheet.submitted', 'round.closed']),
      );
      const page = await new Http(first.url).get(`/api/contests/${contest.id}/audit?action=round.opened`, organizer);
      expect(page.body.items).toEqual([
        expect.objectContaining({ action: 'round.opened', subjectId: contest.rounds[0].id, contestId: contest.id }),
      ]);
    }
    // Nothing about a contest's rounds, entries, assignments or sheets lands in the platform chain.
    const stray = await sql(
      databaseUrl,
      `SELECT action, subject_type FROM audit_events WHERE contest_id IS NULL AND subject_type IN ('contest', 'round', 'entry', 'assignment', 'score_sheet')`,
    );
    expect(stray).toEqual([]);
  });

  it('lets a contest write while another contest’s chain is held', async () => {
    const [held, free] = judgedContests();
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const http = new Http(first.url);
    // A screening decision is an audited write of the contest that needs no open round.
    const decide = async (contest: JudgingContest) => {
      const [entry] = await sql(databaseUrl, `SELECT id FROM entries WHERE contest_id = $1 ORDER BY code LIMIT 1`, [contest.id]);
      return http.post(`/api/entries/${entry.id}/eligibility`, { eligible: true }, organizer);
    };
    try {
      await db.query('BEGIN');
      // Another writer of the first contest is in the middle of its transaction.
      await db.query(`SELECT 1 FROM audit_chains WHERE chain = $1 FOR UPDATE`, [held.id]);
      const blocked = decide(held);
      let settled = false;
      void blocked.then(() => (settled = true));
      const other = await decide(free);
      expect(other.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(settled).toBe(false);
      await db.query('COMMIT');
      expect((await blocked).status).toBe(200);
    } finally {
      await db.query('ROLLBACK').catch(() => undefined);
      await db.end();
    }
  });

  it('records failed sign-ins', async () => {
    await new Http(first.url).post('/api/auth/login', { email: 'org@audit.vn', password: 'wrong-password' });
    const [event] = await sql(databaseUrl, `SELECT action, payload FROM audit_events ORDER BY id DESC LIMIT 1`);
    expect(event).toEqual({ action: 'auth.sign_in_failed', payload: { email: 'org@audit.vn' } });
  });

  it('records successful sign-ins, under the account that signed in', async () => {
    await new Http(first.url).login('org@audit.vn', 'password-1');
    const [{ id }] = await sql(databaseUrl, `SELECT id::text FROM users WHERE email = 'org@audit.vn'`);
    const [event] = await sql(
      databaseUrl,
      `SELECT action, actor_id::text AS actor, contest_id, payload FROM audit_events ORDER BY id DESC LIMIT 1`,
    );
    expect(event).toEqual({ action: 'auth.signed_in', actor: id, contest_id: null, payload: {} });
  });

  it('refuses UPDATE and DELETE in the database itself', async () => {
    await expect(sql(databaseUrl, `UPDATE audit_events SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(sql(databaseUrl, `DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    await expect(sql(databaseUrl, `TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
  });

  it('names a copied event: a stored copy links to a hash that is not its chain’s head (no unique index on the hash needed)', async () => {
    const [, copied] = judgedContests();
    // A copy of an event in the middle of the chain, and one of the chain's last event.
    const [middle] = await sql(databaseUrl, `SELECT id FROM audit_events WHERE contest_id = $1 ORDER BY id OFFSET 3 LIMIT 1`, [copied.id]);
    const [last] = await sql(databaseUrl, `SELECT id FROM audit_events WHERE contest_id = $1 ORDER BY id DESC LIMIT 1`, [copied.id]);
    const http = new Http(first.url);
    for (const original of [middle, last]) {
      const [copy] = await sql(
        databaseUrl,
        `INSERT INTO audit_events (contest_id, actor_id, action, subject_type, subject_id, payload, occurred_at, prev_hash, hash)
         SELECT contest_id, actor_id, action, subject_type, subject_id, payload, occurred_at, prev_hash, hash FROM audit_events WHERE id = $1
         RETURNING id::text`,
        [original.id],
      );
      expect((await http.get(`/api/contests/${copied.id}/audit/verify`, organizer)).body).toMatchObject({
        valid: false,
        firstBrokenEventId: copy.id,
      });
      // Taken out again (behind the trigger's back), the chain is whole: the tests below rely on it.
      await sql(
        databaseUrl,
        `BEGIN;
         ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only;
         DELETE FROM audit_events WHERE id = ${Number(copy.id)};
         ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only;
         COMMIT;`,
      );
      expect((await http.get(`/api/contests/${copied.id}/audit/verify`, organizer)).body).toMatchObject({ valid: true });
    }
  });

  it('names the first event that was edited behind its back, in its contest’s chain and in the union', async () => {
    const [edited, untouched] = judgedContests();
    const [target] = await sql(
      databaseUrl,
      `SELECT id::text FROM audit_events WHERE contest_id = $1 ORDER BY audit_events.id OFFSET 5 LIMIT 1`,
      [edited.id],
    );
    // Someone with superuser rights switches the guard off and edits a row.
    await sql(
      databaseUrl,
      `BEGIN;
       ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only;
       UPDATE audit_events SET payload = '{"total":100}' WHERE id = ${Number(target.id)};
       ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only;
       COMMIT;`,
    );
    const http = new Http(second.url);
    expect((await http.get(`/api/contests/${edited.id}/audit/verify`, organizer)).body).toMatchObject({
      valid: false,
      firstBrokenEventId: target.id,
    });
    expect((await http.get(`/api/contests/${untouched.id}/audit/verify`, organizer)).body).toMatchObject({ valid: true });
    expect((await http.get('/api/audit/verify', admin)).body).toMatchObject({ valid: false, firstBrokenEventId: target.id });
  });

  it('finds an edited platform event too', async () => {
    const [target] = await sql(
      databaseUrl,
      `SELECT id::text FROM audit_events WHERE contest_id IS NULL ORDER BY audit_events.id OFFSET 5 LIMIT 1`,
    );
    await sql(
      databaseUrl,
      `BEGIN;
       ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only;
       UPDATE audit_events SET payload = '{"email":"someone-else@audit.vn"}' WHERE id = ${Number(target.id)};
       ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only;
       COMMIT;`,
    );
    const verify = await new Http(first.url).get('/api/audit/verify', admin);
    // The platform event was written before any contest event: the union names it first.
    expect(verify.body).toMatchObject({ valid: false, firstBrokenEventId: target.id });
  });

  it('answers another organizer’s contest verification with 404', async () => {
    const http = new Http(first.url);
    await http.post('/api/auth/register', { email: 'org2@audit.vn', password: 'password-1', displayName: 'O2' });
    await sql(databaseUrl, `UPDATE users SET roles = '{organizer}' WHERE email = 'org2@audit.vn'`);
    const other = await http.login('org2@audit.vn', 'password-1');
    expect((await http.get(`/api/contests/${judgedContests()[1].id}/audit/verify`, other)).status).toBe(404);
  });

  it('is not readable by an applicant', async () => {
    const http = new Http(first.url);
    await http.post('/api/auth/register', { email: 'app@audit.vn', password: 'password-1', displayName: 'A' });
    const token = await http.login('app@audit.vn', 'password-1');
    expect((await http.get('/api/audit/verify', token)).status).toBe(403);
  });

  it('leaves the platform-wide verification to the administrator: an organizer verifies their own contests', async () => {
    const http = new Http(first.url);
    const refused = await http.get('/api/audit/verify', organizer);
    expect(refused.status).toBe(403);
    expect((await http.get(`/api/contests/${judgedContests()[0].id}/audit/verify`, organizer)).status).toBe(200);
  });
});
