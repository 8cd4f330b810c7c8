import { ACTORS, type Actor, expectedOutcomes, type Outcome, SESSION_ENDING_ROUTES, walkOrder } from './support/authorization-matrix';
import { type AccessFixture, buildAccessFixture } from './support/access-fixture';

/**
 * The authorization matrix: every route of the API's own route table, called by every kind of
 * caller, must give the outcome the matrix states. A route missing from the matrix fails.
 */
describe('authorization matrix', () => {
  let fixture: AccessFixture;
  const secrets = ['passwordHash', 'password_hash', '$argon2id$'];

  beforeAll(async () => {
    fixture = await buildAccessFixture();
  });
  afterAll(() => fixture?.close());

  function outcomeOf(status: number): Outcome {
    return status === 401 || status === 403 || status === 404 ? status : 'ok';
  }

  async function call(method: string, path: string, actor: Actor, body?: unknown): Promise<{ status: number; text: string }> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = fixture.tokens[actor];
    if (token) headers['authorization'] = `Bearer ${token}`;
    const hasBody = method !== 'GET' && method !== 'DELETE';
    if (hasBody) headers['content-type'] = 'application/json';
    const controller = new AbortController();
    const response = await fetch(`${fixture.api.url}${path}`, {
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
    expect(fixture.routes.length).toBeGreaterThan(40);
    const missing = fixture.routes.map((r) => `${r.method} ${r.path}`).filter((key) => !(key in expectedOutcomes));
    expect(missing).toEqual([]);
  });
  it('gives every caller exactly the outcome the matrix states, never a 5xx, never a secret', async () => {
    const observed: Record<string, Record<Actor, Outcome>> = {};
    const failures: string[] = [];
    // Reads first, then writes, deletions last, so a deletion cannot hide a later check; signing
    // out everywhere comes after everything, since it ends the caller's token.
    const sorted = walkOrder(fixture.routes);
    for (const route of sorted) {
      const key = `${route.method} ${route.path}`;
      const expected = expectedOutcomes[key];
      // PRINT_MATRIX=1 prints what every caller gets, to review when adding a route.
      if (!expected && !process.env['PRINT_MATRIX']) continue;
      observed[key] = {} as Record<Actor, Outcome>;
      for (const actor of ACTORS) {
        const { status, text } = await call(route.method, fixture.concrete(route.path, actor), actor, fixture.sampleBody(key));
        if (SESSION_ENDING_ROUTES.has(key)) await fixture.signInAgain(actor);
        const outcome = outcomeOf(status);
        observed[key][actor] = outcome;
        if (status >= 500) failures.push(`${key} as ${actor}: ${status} ${text.slice(0, 200)}`);
        if (!expected) continue;
        const allowed = expected[actor];
        const acceptable = Array.isArray(allowed) ? allowed.includes(outcome) : allowed === outcome;
        if (!acceptable) failures.push(`${key} as ${actor}: expected ${JSON.stringify(allowed)}, got ${status} ${text.slice(0, 160)}`);
        for (const secret of secrets) if (text.includes(secret)) failures.push(`${key} as ${actor}: the answer carries ${secret}`);
        if (actor === 'assignedJudge') {
          for (const secret of fixture.otherJudges)
            if (text.includes(secret)) failures.push(`${key} as ${actor}: the answer names another judge (${secret})`);
        }
      }
    }
    if (process.env['PRINT_MATRIX']) console.log(JSON.stringify(observed, null, 1));
    expect(failures).toEqual([]);
  });

  it('shows a recused judge the line of the entry and nothing of it, and a removed judge nothing of the contest', async () => {
    const list = async (actor: Actor) => (await call('GET', '/api/me/assignments', actor)).text;
    const recused = JSON.parse(await list('recusedJudge'));
    expect(recused).toHaveLength(1);
    expect(recused[0]).toMatchObject({ id: fixture.formerAssignments.recusedJudge, status: 'recused' });
    expect(recused[0].entry).toEqual(expect.objectContaining({ summary: '', problem: '', attachments: [], category: null }));
    expect(recused[0].entry.teamName).toBeUndefined();
    expect(JSON.parse(await list('removedJudge'))).toEqual([]);
    for (const actor of ['recusedJudge', 'removedJudge'] as const) {
      const id = fixture.formerAssignments[actor];
      expect((await call('GET', `/api/assignments/${id}`, actor)).status).toBe(404);
      expect((await call('GET', `/api/assignments/${id}/attachments/${fixture.params['attachmentId']}`, actor)).status).toBe(404);
    }
  });
});
