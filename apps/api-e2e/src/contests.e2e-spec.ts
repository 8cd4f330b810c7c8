import { Client } from 'pg';
import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';

/** Contest set-up by an organizer: visibility, editing, lifecycle, rounds and rubrics. */
describe('contest set-up over HTTP', () => {
  let api: ApiProcess;
  let http: Http;
  let db: Client;
  let organizer: string;
  let otherOrganizer: string;
  let admin: string;
  let applicant: string;
  let slugCount = 0;

  const day = 24 * 60 * 60 * 1000;
  const inDays = (n: number) => new Date(Date.now() + n * day).toISOString();
  const rubric = [
    { name: 'Innovation', description: '0 = common, 40 = breakthrough', weight: 40, maxScore: 10 },
    { name: 'Market', weight: 35, maxScore: 10 },
    { name: 'Team', weight: 25.5, maxScore: 10 },
  ];
  const round = (extra: Record<string, unknown> = {}) => ({
    name: 'Screening',
    order: 1,
    panel: 'assigned',
    judgesPerEntry: 3,
    aggregation: 'mean',
    criteria: rubric,
    ...extra,
  });

  async function newContest(token = organizer, extra: Record<string, unknown> = {}) {
    const result = await http.post(
      '/api/contests',
      {
        name: 'Green ideas 2027',
        slug: `green-ideas-${++slugCount}`,
        year: 2027,
        description: '**Rules**: teams of 2-5.',
        submissionOpensAt: inDays(-1),
        submissionClosesAt: inDays(30),
        categories: [{ name: 'Startups' }, { name: 'Students' }],
        prizes: [{ tier: 'first', count: 1, amount: 1000, currency: 'USD' }],
        ...extra,
      },
      token,
    );
    expect(result.status).toBe(201);
    return result.body;
  }

  /** A contest with a round and a rubric, opened. */
  async function openContest() {
    const contest = await newContest();
    const created = await http.post(`/api/contests/${contest.id}/rounds`, round(), organizer);
    expect(created.status).toBe(201);
    const opened = await http.post(`/api/contests/${contest.id}/status`, { status: 'open' }, organizer);
    expect(opened.status).toBe(200);
    return { contest: opened.body, round: created.body };
  }

  /** A criterion of a RoundView as the rubric input takes it (the order is the array's). */
  const asInput = ({ id, name, description, weight, maxScore }: Record<string, unknown>) => ({ id, name, description, weight, maxScore });
  const patch = (path: string, body: unknown, token?: string) => http.request('PATCH', path, { body, token });
  const setStatus = (id: string, status: string, token = organizer) => http.post(`/api/contests/${id}/status`, { status }, token);

  beforeAll(async () => {
    const url = await createDatabase();
    const seeded = await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: url });
    expect(seeded.code).toBe(0);
    api = await startApi({}, url);
    http = new Http(api.url);
    db = new Client({ connectionString: url });
    await db.connect();

    await http.post('/api/auth/register', { email: 'other.organizer@example.vn', password: 'password-1', displayName: 'Other organizer' });
    await db.query(`UPDATE users SET roles = '{organizer}' WHERE email = 'other.organizer@example.vn'`);
    await http.post('/api/auth/register', { email: 'team@example.vn', password: 'password-1', displayName: 'A team' });
    [organizer, otherOrganizer, admin, applicant] = await Promise.all([
      http.login('organizer@demo.laurel'),
      http.login('other.organizer@example.vn', 'password-1'),
      http.login('admin@demo.laurel'),
      http.login('team@example.vn', 'password-1'),
    ]);
  });
  afterAll(async () => {
    await db?.end();
    await api?.stop();
  });

  describe('visibility', () => {
    it('hides a draft from the public and from another organizer (404), shows it to its owner and admin', async () => {
      const draft = await newContest();
      expect(draft).toMatchObject({ status: 'draft', version: 1, codePrefix: null });

      for (const token of [undefined, applicant, otherOrganizer]) {
        const byId = await http.get(`/api/contests/${draft.id}`, token);
        expect(byId.status).toBe(404);
        expect(byId.body.code).toBe('contest.not_found');
        expect((await http.get(`/api/contests/${draft.slug}`, token)).status).toBe(404);
        const list = await http.get('/api/contests', token);
        expect(list.body.map((c: { id: string }) => c.id)).not.toContain(draft.id);
        // The open demo contest stays public.
        expect(list.body.map((c: { slug: string }) => c.slug)).toContain('startup-talent-2026');
      }
      for (const token of [organizer, admin]) {
        expect((await http.get(`/api/contests/${draft.slug}`, token)).body.id).toBe(draft.id);
        expect((await http.get('/api/contests', token)).body.map((c: { id: string }) => c.id)).toContain(draft.id);
      }
    });

    it('lists the caller’s own contests in any status under /mine', async () => {
      const draft = await newContest();
      const mine = await http.get('/api/contests/mine', organizer);
      expect(mine.status).toBe(200);
      expect(mine.body.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([draft.id]));
      expect(mine.body.map((c: { slug: string }) => c.slug)).toContain('startup-talent-2026');
      expect((await http.get('/api/contests/mine', otherOrganizer)).body).toEqual([]);
      expect((await http.get('/api/contests/mine', applicant)).status).toBe(403);
    });

    it('reserves the slug "mine", which the /mine list would shadow', async () => {
      const result = await http.post(
        '/api/contests',
        {
          name: 'Mine',
          slug: 'mine',
          year: 2027,
          submissionOpensAt: inDays(1),
          submissionClosesAt: inDays(2),
          categories: [{ name: 'A' }],
          prizes: [],
        },
        organizer,
      );
      expect(result.status).toBe(400);
      expect(result.body.fields).toEqual([
        { field: 'slug', code: 'contest.slug_reserved', params: { slug: 'mine' }, message: '"mine" is reserved: choose another' },
      ]);
    });
  });

  describe('editing a contest', () => {
    it('edits with the loaded version, then refuses the stale version with 409 saying to reload', async () => {
      const contest = await newContest();
      const first = await patch(
        `/api/contests/${contest.id}`,
        { version: 1, name: 'Green ideas 2027 (city)', codePrefix: 'GI27' },
        organizer,
      );
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ name: 'Green ideas 2027 (city)', codePrefix: 'GI27', version: 2 });

      const stale = await patch(`/api/contests/${contest.id}`, { version: 1, name: 'Lost update' }, organizer);
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('contest.stale_version');
      expect(stale.body.message).toMatch(/Reload/);
      expect((await http.get(`/api/contests/${contest.id}`, organizer)).body.name).toBe('Green ideas 2027 (city)');
    });

    it('lets exactly one of two simultaneous edits of the same version through', async () => {
      const contest = await newContest();
      const results = await Promise.all(
        ['First', 'Second'].map((name) => patch(`/api/contests/${contest.id}`, { version: 1, name: `${name} edit` }, organizer)),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect((await http.get(`/api/contests/${contest.id}`, organizer)).body.version).toBe(2);
    });

    it('writes its documents in Vietnamese and Ho Chi Minh City time unless told otherwise; refuses an unknown zone with 400', async () => {
      const contest = await newContest();
      expect(contest).toMatchObject({ language: 'vi', timeZone: 'Asia/Ho_Chi_Minh' });
      const bad = await patch(`/api/contests/${contest.id}`, { version: 1, timeZone: 'Mars/Olympus_Mons' }, organizer);
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('timeZone');
      expect((await patch(`/api/contests/${contest.id}`, { version: 1, language: 'fr' }, organizer)).status).toBe(400);
      const changed = await patch(`/api/contests/${contest.id}`, { version: 1, language: 'en', timeZone: 'Europe/Berlin' }, organizer);
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ language: 'en', timeZone: 'Europe/Berlin' });
    });

    it('stores the Markdown description exactly as given', async () => {
      const contest = await newContest();
      const description = '# Rules\n\n<script>alert(1)</script> *as typed*';
      const result = await patch(`/api/contests/${contest.id}`, { version: 1, description }, organizer);
      expect(result.body.description).toBe(description);
    });

    it('refuses a slug another contest uses with 409, on create and on edit', async () => {
      const taken = await http.post(
        '/api/contests',
        {
          name: 'Copy',
          slug: 'startup-talent-2026',
          year: 2027,
          submissionOpensAt: inDays(1),
          submissionClosesAt: inDays(2),
          categories: [{ name: 'A' }],
          prizes: [],
        },
        organizer,
      );
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe('contest.slug_taken');

      const contest = await newContest();
      const edit = await patch(`/api/contests/${contest.id}`, { version: 1, slug: 'startup-talent-2026' }, organizer);
      expect(edit.status).toBe(409);
      expect(edit.body).toMatchObject({ code: 'contest.slug_taken', message: expect.stringMatching(/Choose another slug/) });
    });

    it('refuses a window whose opening is not before its closing with 400 naming submissionClosesAt', async () => {
      // One instant for both ends: two calls of inDays() can fall a millisecond apart.
      const same = inDays(10);
      const create = await http.post(
        '/api/contests',
        {
          name: 'Backwards',
          slug: 'backwards',
          year: 2027,
          submissionOpensAt: same,
          submissionClosesAt: same,
          categories: [{ name: 'A' }],
          prizes: [],
        },
        organizer,
      );
      expect(create.status).toBe(400);
      expect(create.body.fields).toEqual([
        { field: 'submissionClosesAt', code: 'contest.closes_before_opening', message: 'must be later than submissionOpensAt' },
      ]);

      const contest = await newContest();
      // Only the opening moves, past the stored closing (30 days ahead).
      const edit = await patch(`/api/contests/${contest.id}`, { version: 1, submissionOpensAt: inDays(31) }, organizer);
      expect(edit.status).toBe(400);
      expect(edit.body.fields).toEqual([
        { field: 'submissionClosesAt', code: 'contest.closes_before_opening', message: 'must be later than submissionOpensAt' },
      ]);
    });

    it('answers another organizer 404 and lets an admin edit', async () => {
      const contest = await newContest();
      const other = await patch(`/api/contests/${contest.id}`, { version: 1, name: 'Taken over' }, otherOrganizer);
      expect(other.status).toBe(404);
      expect((await setStatus(contest.id, 'open', otherOrganizer)).status).toBe(404);
      expect((await http.post(`/api/contests/${contest.id}/rounds`, round(), otherOrganizer)).status).toBe(404);
      expect((await patch(`/api/contests/${contest.id}`, { version: 1, name: 'Fixed by admin' }, applicant)).status).toBe(403);

      const byAdmin = await patch(`/api/contests/${contest.id}`, { version: 1, name: 'Fixed by admin' }, admin);
      expect(byAdmin.status).toBe(200);
      expect(byAdmin.body.name).toBe('Fixed by admin');
    });

    it('adds, renames, reorders and removes categories and replaces the prizes in one edit', async () => {
      const contest = await newContest();
      const [startups, students] = contest.categories;
      const result = await patch(
        `/api/contests/${contest.id}`,
        {
          version: 1,
          categories: [{ name: 'Social impact' }, { id: students.id, name: 'Startups' }],
          prizes: [
            { tier: 'first', count: 1, amount: 2000, currency: 'USD', categoryName: 'social impact' },
            { tier: 'first', count: 1, amount: 2000, currency: 'USD', categoryId: students.id },
            { tier: 'encouragement', count: 3 },
          ],
        },
        organizer,
      );
      expect(result.status).toBe(200);
      // "Students" took the name "Startups" that the removed category held: same id, new name.
      expect(result.body.categories.map((c: { name: string }) => c.name)).toEqual(['Social impact', 'Startups']);
      expect(result.body.categories[1].id).toBe(students.id);
      expect(result.body.categories.map((c: { id: string }) => c.id)).not.toContain(startups.id);
      const social = result.body.categories[0].id;
      expect(result.body.prizes).toEqual([
        expect.objectContaining({ tier: 'first', count: 1, amount: 2000, currency: 'USD', categoryId: expect.any(String) }),
        expect.objectContaining({ tier: 'first', count: 1, amount: 2000, currency: 'USD', categoryId: expect.any(String) }),
        expect.objectContaining({ tier: 'encouragement', count: 3, amount: null, categoryId: null }),
      ]);
      expect(
        result.body.prizes
          .slice(0, 2)
          .map((p: { categoryId: string }) => p.categoryId)
          .sort(),
      ).toEqual([social, students.id].sort());
    });

    it('refuses to remove a category that has entries with 409 saying how many', async () => {
      const { contest } = await openContest();
      const [startups, students] = contest.categories;
      for (const title of ['One', 'Two']) {
        await db.query(`INSERT INTO entries (contest_id, category_id, title) VALUES ($1, $2, $3)`, [contest.id, startups.id, title]);
      }
      const result = await patch(
        `/api/contests/${contest.id}`,
        { version: contest.version, categories: [{ id: students.id, name: 'Students' }] },
        organizer,
      );
      expect(result.status).toBe(409);
      expect(result.body.code).toBe('contest.category_has_entries');
      expect(result.body.message).toMatch(/"Startups" has 2 entries/);
    });

    it('keeps fields the status has frozen (409) while still accepting them unchanged', async () => {
      const { contest } = await openContest();
      const slug = await patch(`/api/contests/${contest.id}`, { version: contest.version, slug: 'new-address' }, organizer);
      expect(slug.status).toBe(409);
      expect(slug.body).toMatchObject({
        code: 'contest.field_locked',
        message: expect.stringMatching(/open can no longer change slug/),
        params: { fields: 'slug' },
      });

      expect((await setStatus(contest.id, 'closed')).status).toBe(200);
      const judging = await setStatus(contest.id, 'judging');
      expect(judging.status).toBe(200);
      const current = judging.body;
      const name = await patch(
        `/api/contests/${contest.id}`,
        { version: current.version, name: 'Renamed', minScoreForPrize: 60 },
        organizer,
      );
      expect(name.status).toBe(409);
      expect(name.body.message).toMatch(
        /judging can no longer change name, minScoreForPrize\. Only description, publicVote, language, timeZone, council, feedback, councilMeetingAt, councilMeetingPlace can change now/,
      );

      // The whole form sent back with only the description changed goes through.
      const form = await patch(
        `/api/contests/${contest.id}`,
        {
          version: current.version,
          name: current.name,
          slug: current.slug,
          year: current.year,
          description: 'Judging has started.',
          submissionOpensAt: current.submissionOpensAt,
          submissionClosesAt: current.submissionClosesAt,
          minScoreForPrize: current.minScoreForPrize,
          requirePitchDeck: current.requirePitchDeck,
          categories: current.categories,
          prizes: current.prizes.map((p: Record<string, unknown>) => ({
            tier: p['tier'],
            count: p['count'],
            amount: p['amount'],
            currency: p['currency'],
          })),
        },
        organizer,
      );
      expect(form.status).toBe(200);
      expect(form.body.description).toBe('Judging has started.');

      const categories = await patch(
        `/api/contests/${contest.id}`,
        { version: form.body.version, categories: [{ name: 'New' }, ...current.categories] },
        organizer,
      );
      expect(categories.status).toBe(409);
      expect(categories.body.code).toBe('contest.field_locked');
    });
  });

  describe('lifecycle', () => {
    it('refuses transitions out of order with 409 naming the next status', async () => {
      const contest = await newContest();
      const skip = await setStatus(contest.id, 'judging');
      expect(skip.status).toBe(409);
      expect(skip.body).toMatchObject({
        code: 'contest.transition_refused',
        message: 'A contest that is draft cannot move to judging; the next status is open.',
      });
      expect((await setStatus(contest.id, 'closed')).body.message).toMatch(/the next status is open/);
      expect((await setStatus(contest.id, 'draft')).body.code).toBe('contest.already_in_status');

      const publish = await setStatus(contest.id, 'published');
      expect(publish.status).toBe(409);
      expect(publish.body).toMatchObject({
        code: 'contest.use_publish',
        message: expect.stringMatching(/POST \/api\/contests\/:id\/publish/),
      });

      const bad = await setStatus(contest.id, 'finished');
      expect(bad.status).toBe(400);
      expect(bad.body.fields[0].field).toBe('status');
    });

    it('refuses to open without a round (422) and without a rubric in every round (422)', async () => {
      const contest = await newContest();
      const noRound = await setStatus(contest.id, 'open');
      expect(noRound.status).toBe(422);
      expect(noRound.body.code).toBe('contest.not_ready');
      expect(noRound.body.fields).toEqual([
        { field: 'rounds', code: 'contest.no_rounds', message: 'needs at least one round: add one with POST /api/contests/:id/rounds' },
      ]);

      expect((await http.post(`/api/contests/${contest.id}/rounds`, round({ criteria: [] }), organizer)).status).toBe(201);
      const noRubric = await setStatus(contest.id, 'open');
      expect(noRubric.status).toBe(422);
      expect(noRubric.body.fields).toEqual([
        {
          field: 'rounds.0.criteria',
          code: 'round.no_rubric',
          params: { round: 'Screening' },
          message: 'round "Screening" has no rubric: add at least one criterion',
        },
      ]);
      expect((await http.get(`/api/contests/${contest.id}`, organizer)).body.status).toBe('draft');
    });

    it('refuses to open a contest whose deadline has passed (422 naming submissionClosesAt)', async () => {
      const contest = await newContest(organizer, { submissionOpensAt: inDays(-10), submissionClosesAt: inDays(-1) });
      await http.post(`/api/contests/${contest.id}/rounds`, round(), organizer);
      const result = await setStatus(contest.id, 'open');
      expect(result.status).toBe(422);
      expect(result.body.fields).toEqual([
        { field: 'submissionClosesAt', code: 'contest.deadline_passed', message: 'has already passed: move the deadline later first' },
      ]);
    });

    it('walks draft → open → closed → open (reopen) → closed → judging, bumping the version each step', async () => {
      const { contest } = await openContest();
      expect(contest).toMatchObject({ status: 'open', version: 2 });
      expect((await http.get(`/api/contests/${contest.slug}`)).status).toBe(200);

      const closed = await setStatus(contest.id, 'closed');
      expect(closed.body).toMatchObject({ status: 'closed', version: 3 });
      const reopened = await setStatus(contest.id, 'open');
      expect(reopened.body.status).toBe('open');
      await setStatus(contest.id, 'closed');
      const judging = await http.post(`/api/contests/${contest.id}/status`, { status: 'judging', version: 1 }, organizer);
      expect(judging.status).toBe(409);
      expect(judging.body.code).toBe('contest.stale_version');
      expect((await setStatus(contest.id, 'judging')).body.status).toBe('judging');

      const back = await setStatus(contest.id, 'open');
      expect(back.status).toBe(409);
      expect(back.body.message).toBe(
        'A contest that is judging cannot move to open; publish its results with POST /api/contests/:id/publish.',
      );
    });
  });

  describe('rounds and rubrics', () => {
    it('creates a round with its rubric and priority criteria given by name', async () => {
      const contest = await newContest();
      const result = await http.post(
        `/api/contests/${contest.id}/rounds`,
        round({ blind: true, aggregation: 'trimmed_mean', trim: 1, rankBy: 'category', priorityCriteria: ['Market', 'innovation'] }),
        organizer,
      );
      expect(result.status).toBe(201);
      expect(result.body).toMatchObject({
        name: 'Screening',
        order: 1,
        status: 'draft',
        blind: true,
        aggregation: 'trimmed_mean',
        trim: 1,
        rankBy: 'category',
      });
      expect(result.body.criteria).toEqual([
        { id: expect.any(String), name: 'Innovation', description: '0 = common, 40 = breakthrough', weight: 40, maxScore: 10, order: 0 },
        { id: expect.any(String), name: 'Market', description: null, weight: 35, maxScore: 10, order: 1 },
        { id: expect.any(String), name: 'Team', description: null, weight: 25.5, maxScore: 10, order: 2 },
      ]);
      const [innovation, market] = result.body.criteria;
      expect(result.body.priorityCriteria).toEqual([market.id, innovation.id]);
      expect((await http.get(`/api/contests/${contest.id}`, organizer)).body.rounds[0].id).toBe(result.body.id);
    });

    it('gives a place to only one of two rounds created at once with the same order', async () => {
      const contest = await newContest();
      const results = await Promise.all(
        ['Screening A', 'Screening B'].map((name) => http.post(`/api/contests/${contest.id}/rounds`, round({ name }), organizer)),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    });

    it('refuses priority criteria that name no criterion, bad weights and a taken order', async () => {
      const contest = await newContest();
      const unknown = await http.post(`/api/contests/${contest.id}/rounds`, round({ priorityCriteria: ['Pitch'] }), organizer);
      expect(unknown.status).toBe(400);
      expect(unknown.body.fields).toEqual([
        {
          field: 'priorityCriteria.0',
          code: 'round.priority_unknown',
          params: { criterion: 'Pitch' },
          message: `"Pitch" names no criterion of this round's rubric`,
        },
      ]);

      const weights = await http.post(
        `/api/contests/${contest.id}/rounds`,
        round({
          criteria: [
            { name: 'A', weight: 0, maxScore: 10 },
            { name: 'B', weight: 1.234, maxScore: 10 },
          ],
        }),
        organizer,
      );
      expect(weights.status).toBe(400);
      expect(weights.body.fields).toEqual([
        { field: 'criteria.0.weight', message: 'must be greater than 0', code: 'positive' },
        { field: 'criteria.1.weight', message: 'must be a number with at most two decimals', code: 'decimals', limit: 2 },
      ]);

      await http.post(`/api/contests/${contest.id}/rounds`, round(), organizer);
      const order = await http.post(`/api/contests/${contest.id}/rounds`, round({ name: 'Final' }), organizer);
      expect(order.status).toBe(409);
      expect(order.body).toMatchObject({ code: 'round.order_taken', message: expect.stringMatching(/"Screening" already has order 1/) });
    });

    it('edits the rubric: criteria sent with an id keep it, new ones get one, missing ones go, order follows the array', async () => {
      const contest = await newContest();
      const created = (await http.post(`/api/contests/${contest.id}/rounds`, round({ priorityCriteria: ['Team', 'Market'] }), organizer))
        .body;
      const [innovation, market, team] = created.criteria;
      const result = await patch(
        `/api/rounds/${created.id}`,
        {
          criteria: [
            { id: team.id, name: 'Team', weight: 20, maxScore: 10 },
            { name: 'Pitch', description: 'Clear and on time', weight: 10.25, maxScore: 5 },
            { id: innovation.id, name: 'Innovation and novelty', description: innovation.description, weight: 40, maxScore: 10 },
          ],
        },
        organizer,
      );
      expect(result.status).toBe(200);
      expect(
        result.body.criteria.map((c: { id: string; name: string; weight: number; order: number }) => [c.id, c.name, c.weight, c.order]),
      ).toEqual([
        [team.id, 'Team', 20, 0],
        [expect.any(String), 'Pitch', 10.25, 1],
        [innovation.id, 'Innovation and novelty', 40, 2],
      ]);
      expect([innovation.id, market.id, team.id]).not.toContain(result.body.criteria[1].id);
      // Market left the rubric, so it left the tie-breaks too.
      expect(result.body.priorityCriteria).toEqual([team.id]);

      const foreign = await patch(
        `/api/rounds/${created.id}`,
        { criteria: [{ id: market.id, name: 'Market', weight: 1, maxScore: 1 }] },
        organizer,
      );
      expect(foreign.status).toBe(400);
      expect(foreign.body.fields[0]).toEqual({
        field: 'criteria.0.id',
        code: 'unknown',
        message: 'is not a criterion of this round: leave the id out to add a criterion',
      });
    });

    it('edits a draft round of an open contest, and refuses rubric edits once the round is not draft', async () => {
      const { contest, round: screening } = await openContest();
      const settings = await patch(
        `/api/rounds/${screening.id}`,
        { judgesPerEntry: 5, aggregation: 'zscore', minSheetsForNormalization: 4 },
        organizer,
      );
      expect(settings.status).toBe(200);
      expect(settings.body).toMatchObject({ judgesPerEntry: 5, aggregation: 'zscore', minSheetsForNormalization: 4 });
      const rubricEdit = await patch(
        `/api/rounds/${screening.id}`,
        { criteria: [...screening.criteria.map(asInput), { name: 'Pitch', weight: 10, maxScore: 10 }] },
        organizer,
      );
      expect(rubricEdit.status).toBe(200);
      expect(rubricEdit.body.criteria).toHaveLength(4);

      const empty = await patch(`/api/rounds/${screening.id}`, { criteria: [] }, organizer);
      expect(empty.status).toBe(422);
      expect(empty.body.code).toBe('round.rubric_required');

      // Opening rounds belongs to judging; here the database stands in for it.
      await db.query(`UPDATE rounds SET status = 'open' WHERE id = $1`, [screening.id]);
      const locked = await patch(`/api/rounds/${screening.id}`, { criteria: screening.criteria.map(asInput) }, organizer);
      expect(locked.status).toBe(409);
      expect(locked.body).toMatchObject({ code: 'round.rubric_locked', message: expect.stringMatching(/the round is open/) });
      const panel = await patch(`/api/rounds/${screening.id}`, { judgesPerEntry: 2 }, organizer);
      expect(panel.status).toBe(409);
      expect(panel.body).toMatchObject({ code: 'round.field_locked', params: { round: screening.name, fields: 'judgesPerEntry' } });
      // How scores combine may still change while the round is open, and an unchanged rubric is accepted.
      const method = await patch(
        `/api/rounds/${screening.id}`,
        { aggregation: 'median', criteria: rubricEdit.body.criteria.map(asInput) },
        organizer,
      );
      expect(method.status).toBe(200);
      expect(method.body.aggregation).toBe('median');
      expect((await http.get(`/api/contests/${contest.id}`)).body.rounds[0].aggregation).toBe('median');
    });

    it('refuses rubric edits of a round that has scores (409)', async () => {
      const { contest, round: screening } = await openContest();
      const judge = await db.query(`SELECT id FROM users WHERE email = 'judge1@demo.laurel'`);
      const entry = await db.query(`INSERT INTO entries (contest_id, category_id, title) VALUES ($1, $2, 'Scored') RETURNING id`, [
        contest.id,
        contest.categories[0].id,
      ]);
      await db.query(`UPDATE rounds SET status = 'open' WHERE id = $1`, [screening.id]);
      const assignment = await db.query(`INSERT INTO assignments (round_id, entry_id, judge_id) VALUES ($1, $2, $3) RETURNING id`, [
        screening.id,
        entry.rows[0].id,
        judge.rows[0].id,
      ]);
      const sheet = await db.query(`INSERT INTO score_sheets (assignment_id, round_id) VALUES ($1, $2) RETURNING id`, [
        assignment.rows[0].id,
        screening.id,
      ]);
      await db.query(`INSERT INTO scores (sheet_id, criterion_id, value) VALUES ($1, $2, 7)`, [sheet.rows[0].id, screening.criteria[0].id]);
      // Back to draft by hand, so that only the scores stand in the way.
      await db.query(`UPDATE rounds SET status = 'draft' WHERE id = $1`, [screening.id]);

      const result = await patch(`/api/rounds/${screening.id}`, { criteria: screening.criteria.slice(1).map(asInput) }, organizer);
      expect(result.status).toBe(409);
      expect(result.body).toMatchObject({ code: 'round.rubric_locked', message: expect.stringMatching(/judges have already scored it/) });
    });

    it('deletes a draft round, but never the last round of an open contest, and answers strangers 404', async () => {
      const { contest, round: screening } = await openContest();
      expect((await http.request('DELETE', `/api/rounds/${screening.id}`, { token: otherOrganizer })).status).toBe(404);
      const last = await http.request('DELETE', `/api/rounds/${screening.id}`, { token: organizer });
      expect(last.status).toBe(409);
      expect(last.body.message).toMatch(/keeps at least one round/);

      const final = await http.post(`/api/contests/${contest.id}/rounds`, round({ name: 'Final', order: 2, panel: 'complete' }), organizer);
      expect(final.status).toBe(201);
      expect((await http.request('DELETE', `/api/rounds/${final.body.id}`, { token: organizer })).status).toBe(204);
      expect((await patch(`/api/rounds/${final.body.id}`, { name: 'Gone' }, organizer)).status).toBe(404);
      expect((await http.get(`/api/contests/${contest.id}`)).body.rounds.map((r: { name: string }) => r.name)).toEqual(['Screening']);
    });
  });
});
