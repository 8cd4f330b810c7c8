import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';

/**
 * A refusal names the values its sentence needs in `params` (and each field problem its own
 * `code` and `params`), so that a client words it in its reader's language from the code alone.
 */
describe('refusals carry their code and params', () => {
  let api: ApiProcess;
  let http: Http;
  let organizer: string;
  let contestId: string;

  const day = 24 * 60 * 60 * 1000;
  const inDays = (n: number) => new Date(Date.now() + n * day).toISOString();
  const round = (name: string, order: number, criteria: unknown[] = [{ name: 'Innovation', weight: 100, maxScore: 10 }]) => ({
    name,
    order,
    panel: 'assigned',
    judgesPerEntry: 3,
    aggregation: 'mean',
    criteria,
  });

  beforeAll(async () => {
    const url = await createDatabase();
    const seeded = await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: url });
    expect(seeded.code).toBe(0);
    api = await startApi({}, url);
    http = new Http(api.url);
    organizer = await http.login('organizer@demo.laurel');
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('names the taken round name, the taken slug, and the round without a rubric', async () => {
    const created = await http.post(
      '/api/contests',
      {
        name: 'Ý tưởng xanh 2027',
        slug: 'y-tuong-xanh-2027',
        year: 2027,
        submissionOpensAt: inDays(-1),
        submissionClosesAt: inDays(30),
        categories: [{ name: 'Khởi nghiệp' }],
        prizes: [{ tier: 'first', count: 1 }],
      },
      organizer,
    );
    expect(created.status).toBe(201);
    contestId = created.body.id as string;

    expect((await http.post(`/api/contests/${contestId}/rounds`, round('Vòng sơ khảo', 1), organizer)).status).toBe(201);
    const taken = await http.post(`/api/contests/${contestId}/rounds`, round('vòng SƠ KHẢO', 2), organizer);
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'round.name_taken', params: { name: 'Vòng sơ khảo' } });

    const sameSlug = await http.post(
      '/api/contests',
      {
        name: 'Copy',
        slug: 'y-tuong-xanh-2027',
        year: 2027,
        submissionOpensAt: inDays(-1),
        submissionClosesAt: inDays(30),
        categories: [{ name: 'A' }],
        prizes: [],
      },
      organizer,
    );
    expect(sameSlug.status).toBe(409);
    expect(sameSlug.body).toMatchObject({ code: 'contest.slug_taken', params: { slug: 'y-tuong-xanh-2027' } });

    expect((await http.post(`/api/contests/${contestId}/rounds`, round('Chung kết', 2, []), organizer)).status).toBe(201);
    const notReady = await http.post(`/api/contests/${contestId}/status`, { status: 'open' }, organizer);
    expect(notReady.status).toBe(422);
    expect(notReady.body.code).toBe('contest.not_ready');
    expect(notReady.body.fields).toEqual([
      expect.objectContaining({ field: 'rounds.1.criteria', code: 'round.no_rubric', params: { round: 'Chung kết' } }),
    ]);
  });

  it('says that a contest holds no public vote with a code of its own, not the code of an unknown vote', async () => {
    const ballot = await http.get('/api/public/contests/y-tuong-xanh-2027/ballot');
    expect(ballot.status).toBe(404);
    expect(ballot.body.code).toBe('vote.not_held');
    const vote = await http.post('/api/votes/00000000-0000-4000-8000-000000000000/void', { reason: 'Thử' }, organizer);
    expect(vote.status).toBe(404);
    expect(vote.body.code).toBe('vote.not_found');
  });

  it('gives each problem of a request’s shape a code and the limit its check was declared with, keeping the field’s path', async () => {
    const long = await http.post('/api/auth/register', { email: 'long@example.vn', password: 'password-1', displayName: 'x'.repeat(121) });
    expect(long.status).toBe(400);
    expect(long.body.code).toBe('validation_failed');
    expect(long.body.fields).toEqual([
      { field: 'displayName', message: 'displayName must be shorter than or equal to 120 characters', code: 'max_length', limit: 120 },
    ]);
    // A nested criterion's check, its limit read from the criterion's class.
    const criteria = await http.post(
      `/api/contests/${contestId}/rounds`,
      round('Thử', 9, [
        { name: 'Đội ngũ', weight: 50, maxScore: 10 },
        { name: 'Thị trường', weight: 50, maxScore: 20_000 },
      ]),
      organizer,
    );
    expect(criteria.status).toBe(400);
    expect(criteria.body.fields).toEqual([
      { field: 'criteria.1.maxScore', message: 'maxScore must not be greater than 10000', code: 'max', limit: 10_000 },
    ]);
  });

  it('refuses a text/plain body as a media type it does not read (415), and JSON that is not an object with a code of its own', async () => {
    for (const path of ['/api/auth/register', '/api/auth/login']) {
      const text = await http.request('POST', path, { headers: { 'content-type': 'text/plain' }, raw: 'organizer@demo.laurel' });
      expect({ path, status: text.status, code: text.body.code }).toEqual({ path, status: 415, code: 'request.unsupported_media_type' });
    }
    for (const [path, raw] of [
      ['/api/auth/register', '[{"email": "a@b.vn"}]'],
      ['/api/auth/register', '"email=a@b.vn"'],
      ['/api/auth/login', '42'],
    ] as const) {
      const refused = await http.request('POST', path, { raw });
      expect({ path, raw, status: refused.status, code: refused.body.code }).toEqual({
        path,
        raw,
        status: 400,
        code: 'request.not_json_object',
      });
      expect(refused.body.message).toMatch(/must be a JSON object/);
      expect(refused.body.message).not.toMatch(/undefined|unknown value/);
    }
  });

  it('sends no params where the sentence names nothing', async () => {
    const missing = await http.get('/api/contests/00000000-0000-4000-8000-000000000000', organizer);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('contest.not_found');
    expect(missing.body).not.toHaveProperty('params');
  });
});
