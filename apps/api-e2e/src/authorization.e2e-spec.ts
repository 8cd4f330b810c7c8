import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';
import { createJudgingContest, insertAttachment, insertEntries, userId } from './support/judging-fixtures';
import { expectedOutcomes, type Actor, ACTORS, type Outcome } from './support/authorization-matrix';

/**
 * The authorization matrix: every route of the API's own route table, called by every kind of
 * caller, must give the outcome the matrix states. A route missing from the matrix fails.
 */
describe('authorization matrix', () => {
  let api: ApiProcess;
  let http: Http;
  let db: Client;
  const tokens: Partial<Record<Actor, string>> = {};
  const params: Record<string, string> = {};
  let routes: { method: string; path: string }[] = [];
  const secrets: string[] = [];
  const judgeSecrets: string[] = [];

  beforeAll(async () => {
    const url = await createDatabase();
    expect((await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: url })).code).toBe(0);
    const dataDir = mkdtempSync(join(tmpdir(), 'laurel-authz-'));
    const listed = await runNode('dist/apps/api/main.js', [], { DATABASE_URL: url, LAUREL_PRINT_ROUTES: '1', LOG_LEVEL: 'silent', LAUREL_DATA_DIR: dataDir, NODE_ENV: 'test' });
    routes = JSON.parse(/LAUREL_ROUTES (.*)/.exec(listed.output)?.[1] ?? '[]');
    api = await startApi({ LAUREL_DATA_DIR: dataDir }, url);
    http = new Http(api.url);
    db = new Client({ connectionString: url });
    await db.connect();

    await http.post('/api/auth/register', { email: 'other.organizer@authz.vn', password: 'password-1', displayName: 'Other organizer' });
    await db.query(`UPDATE users SET roles = '{organizer}' WHERE email = 'other.organizer@authz.vn'`);
    tokens.organizer = await http.login('organizer@demo.laurel');
    tokens.otherOrganizer = await http.login('other.organizer@authz.vn', 'password-1');
    tokens.admin = await http.login('admin@demo.laurel');
    // Applicants of their own domains: the demo accounts share demo.laurel with the judges,
    // which is a conflict of interest by e-mail domain.
    for (const [actor, email] of [['ownerApplicant', 'founder@owner-startup.vn'], ['otherApplicant', 'founder@other-startup.vn']] as const) {
      await http.post('/api/auth/register', { email, password: 'password-1', displayName: actor });
      tokens[actor] = await http.login(email, 'password-1');
    }
    tokens.assignedJudge = await http.login('judge1@demo.laurel');
    tokens.unassignedJudge = await http.login('judge2@demo.laurel');

    const contest = await createJudgingContest(http, tokens.organizer, {
      rounds: [{ name: 'Screening', judgesPerEntry: 1 }, { name: 'Final', panel: 'complete' }],
      judges: ['judge1@demo.laurel', 'judge2@demo.laurel', 'judge3@demo.laurel'].map((email) => ({ email, displayName: email })),
      status: 'judging',
    });
    const owner = await userId(db, 'founder@owner-startup.vn');
    const [entry] = await insertEntries(db, contest, [{ title: 'Owned entry', ownerId: owner }]);
    const attachmentId = await insertAttachment(db, dataDir, entry.id, {
      kind: 'pitch_deck',
      originalName: 'deck.pdf',
      contentType: 'application/pdf',
      bytes: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    const screening = contest.rounds[0].id;
    expect((await http.post(`/api/rounds/${screening}/open`, {}, tokens.organizer)).status).toBe(200);
    const judge1 = await userId(db, 'judge1@demo.laurel');
    const judge3 = await userId(db, 'judge3@demo.laurel');
    const assigned = await http.post(`/api/rounds/${screening}/assignments`, { entryId: entry.id, judgeId: judge1 }, tokens.organizer);
    expect(assigned.status).toBe(201);
    const conflict = await http.post(`/api/contests/${contest.id}/conflicts`, { judgeId: judge3, entryId: entry.id, reason: 'Former adviser' }, tokens.organizer);
    expect(conflict.status).toBe(201);
    const [{ slug }] = (await db.query('SELECT slug FROM contests WHERE id = $1', [contest.id])).rows;

    const judge2 = await userId(db, 'judge2@demo.laurel');
    Object.assign(params, {
      judge2,
      contest: contest.id,
      entry: entry.id,
      round: screening,
      assignment: assigned.body.id,
      attachmentId,
      conflictId: conflict.body.id,
      judgeId: judge3,
      slug,
    });
    secrets.push('passwordHash', 'password_hash', '$argon2id$');
    // What a judge sees never names the other judges (nor, so, their scores) before publication.
    judgeSecrets.push(judge2, judge3, 'judge2@demo.laurel', 'judge3@demo.laurel');
  });

  afterAll(async () => {
    await db?.end();
    await api?.stop();
  });

  /** Fills `:params` from the resource the path is about. */
  function concrete(path: string): string {
    return path.replace(/\/(\w+)\/:(\w+)/g, (_whole, segment: string, name: string) => {
      const value =
        name === 'id' || name === 'idOrSlug'
          ? { contests: params['contest'], entries: params['entry'], rounds: params['round'], assignments: params['assignment'] }[segment]
          : params[name];
      if (!value) throw new Error(`no fixture for :${name} after /${segment} in ${path}`);
      return `/${segment}/${value}`;
    });
  }

  function outcomeOf(status: number): Outcome {
    return status === 401 || status === 403 || status === 404 ? status : 'ok';
  }

  /**
   * Bodies that pass validation, so the request reaches the access check in the service (an
   * empty body would be refused with 400 before anyone asks who is calling).
   */
  function sampleBody(key: string): unknown {
    const bodies: Record<string, unknown> = {
      'POST /api/contests': {
        name: 'Matrix contest',
        slug: `matrix-${Date.now()}`,
        year: 2027,
        submissionOpensAt: '2027-01-01T00:00:00Z',
        submissionClosesAt: '2027-02-01T00:00:00Z',
        categories: [{ name: 'A' }],
        prizes: [],
      },
      'PATCH /api/contests/:id': { version: 1, name: 'Matrix renamed' },
      'POST /api/contests/:id/status': { status: 'published' },
      'POST /api/contests/:id/rounds': {
        name: `Extra ${Date.now()}`,
        order: 9,
        panel: 'assigned',
        judgesPerEntry: 1,
        aggregation: 'mean',
        criteria: [{ name: 'X', weight: 1, maxScore: 10 }],
      },
      'PATCH /api/rounds/:id': { name: 'Screening' },
      'POST /api/contests/:id/judges': { email: 'new.judge@matrix-panel.vn', displayName: 'New judge' },
      'POST /api/contests/:id/conflicts': { judgeId: params['judge2'], entryId: params['entry'], reason: 'Matrix check' },
      'POST /api/rounds/:id/assignments': { entryId: params['entry'], judgeId: params['judge2'] },
      'POST /api/rounds/:id/advance': { top: 1 },
      'POST /api/contests/:id/awards': { awards: [] },
      'POST /api/entries/:id/eligibility': { eligible: true },
      'PATCH /api/entries/:id': { version: 1, title: 'Matrix title' },
      'PUT /api/assignments/:id/sheet': { scores: [] },
      'POST /api/assignments/:id/recuse': { reason: 'Matrix check' },
      'POST /api/auth/accept-invite': { token: 'x'.repeat(43), password: 'password-1' },
    };
    return bodies[key] ?? {};
  }

  async function call(method: string, path: string, actor: Actor, body?: unknown): Promise<{ status: number; text: string }> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = tokens[actor];
    if (token) headers['authorization'] = `Bearer ${token}`;
    const hasBody = method !== 'GET' && method !== 'DELETE';
    if (hasBody) headers['content-type'] = 'application/json';
    const controller = new AbortController();
    const response = await fetch(`${api.url}${path}`, {
      method,
      headers,
      body: hasBody ? JSON.stringify(body ?? {}) : undefined,
      signal: controller.signal,
    });
    // An event stream never ends by itself: its status is all this test needs.
    if ((response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
      controller.abort();
      return { status: response.status, text: '' };
    }
    return { status: response.status, text: await response.text() };
  }

  it('has an expected outcome for every route the API serves', () => {
    expect(routes.length).toBeGreaterThan(40);
    const missing = routes.map((r) => `${r.method} ${r.path}`).filter((key) => !(key in expectedOutcomes));
    expect(missing).toEqual([]);
  });

  it('gives every caller exactly the outcome the matrix states, never a 5xx, never a secret', async () => {
    const observed: Record<string, Record<Actor, Outcome>> = {};
    const failures: string[] = [];
    // Reads first, then writes, deletions last, so a deletion cannot hide a later check.
    const order = { GET: 0, POST: 1, PUT: 1, PATCH: 1, DELETE: 2 } as Record<string, number>;
    const sorted = [...routes].sort((a, b) => order[a.method] - order[b.method]);
    for (const route of sorted) {
      const key = `${route.method} ${route.path}`;
      const expected = expectedOutcomes[key];
      // PRINT_MATRIX=1 prints what every caller gets, to review when adding a route.
      if (!expected && !process.env['PRINT_MATRIX']) continue;
      observed[key] = {} as Record<Actor, Outcome>;
      for (const actor of ACTORS) {
        const { status, text } = await call(route.method, concrete(route.path), actor, sampleBody(key));
        const outcome = outcomeOf(status);
        observed[key][actor] = outcome;
        if (status >= 500) failures.push(`${key} as ${actor}: ${status} ${text.slice(0, 200)}`);
        if (!expected) continue;
        const allowed = expected[actor];
        const acceptable = Array.isArray(allowed) ? allowed.includes(outcome) : allowed === outcome;
        if (!acceptable) failures.push(`${key} as ${actor}: expected ${JSON.stringify(allowed)}, got ${status} ${text.slice(0, 160)}`);
        for (const secret of secrets) if (text.includes(secret)) failures.push(`${key} as ${actor}: the answer carries ${secret}`);
        if (actor === 'assignedJudge') {
          for (const secret of judgeSecrets) if (text.includes(secret)) failures.push(`${key} as ${actor}: the answer names another judge (${secret})`);
        }
      }
    }
    if (process.env['PRINT_MATRIX']) console.log(JSON.stringify(observed, null, 1));
    expect(failures).toEqual([]);
  });
});
