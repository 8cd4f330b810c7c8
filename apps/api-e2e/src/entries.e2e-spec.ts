import { known } from '@laurel/domain';
import { completeEntry, newApplicant, openContest, postFile, sql, sqlRow } from './fixtures/entries';
import { tinyPdf } from './fixtures/files';
import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';

describe('applicant entries over HTTP', () => {
  let api: ApiProcess;
  let http: Http;
  let organizer: string;
  let demo: { id: string; categories: { id: string; name: string }[] };

  beforeAll(async () => {
    const databaseUrl = await createDatabase();
    await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: databaseUrl });
    api = await startApi({}, databaseUrl);
    http = new Http(api.url);
    organizer = await http.login('organizer@demo.laurel');
    demo = (await http.get('/api/contests/startup-talent-2026')).body;
  });
  afterAll(() => api?.stop());

  const patch = (id: string, body: unknown, token: string) => http.request('PATCH', `/api/entries/${id}`, { body, token });
  const deck = (entryId: string, token: string) =>
    postFile(api.url, `/api/entries/${entryId}/attachments`, token, { bytes: tinyPdf(), fileName: 'deck.pdf', kind: 'pitch_deck' });

  describe('drafts', () => {
    it('creates a draft at version 1 that its owner, the contest organizer and an admin can read', async () => {
      const team = await newApplicant(http);
      const created = await http.post(
        `/api/contests/${demo.id}/entries`,
        { title: 'AquaSense', categoryId: known(demo.categories[1], 'demo.categories[1]').id },
        team.token,
      );
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        status: 'draft',
        version: 1,
        code: null,
        title: 'AquaSense',
        teamName: '',
        categoryId: known(demo.categories[1], 'demo.categories[1]').id,
        categoryName: 'Ý tưởng sinh viên',
        contestName: 'Tìm kiếm tài năng khởi nghiệp đổi mới sáng tạo 2026',
        ownerId: team.id,
        eligibility: 'pending',
        members: [],
        attachments: [],
      });
      expect(created.body).not.toHaveProperty('eligibilityBy');

      expect((await http.get(`/api/entries/${created.body.id}`, team.token)).body.title).toBe('AquaSense');
      const asOrganizer = await http.get(`/api/entries/${created.body.id}`, organizer);
      expect(asOrganizer.status).toBe(200);
      expect(asOrganizer.body).toHaveProperty('eligibilityBy', null);
      expect((await http.get(`/api/entries/${created.body.id}`, await http.login('admin@demo.laurel'))).status).toBe(200);
    });

    it('answers 404, not 403, to another applicant and to a judge, and the same 404 for an id that is not there', async () => {
      const team = await newApplicant(http);
      const other = await newApplicant(http);
      const { body: entry } = await http.post(`/api/contests/${demo.id}/entries`, { title: 'Secret' }, team.token);
      const judge = await http.login('judge1@demo.laurel');

      const asOther = await http.get(`/api/entries/${entry.id}`, other.token);
      expect(asOther.status).toBe(404);
      expect(asOther.body).toMatchObject({ statusCode: 404, error: 'Not Found', code: 'entry.not_found' });
      expect((await http.get(`/api/entries/${entry.id}`, judge)).status).toBe(404);
      expect((await patch(entry.id, { version: 1, title: 'Mine now' }, other.token)).status).toBe(404);
      expect((await http.post(`/api/entries/${entry.id}/submit`, {}, other.token)).status).toBe(404);
      expect((await http.post(`/api/entries/${entry.id}/withdraw`, {}, other.token)).status).toBe(404);
      const missing = await http.get('/api/entries/00000000-0000-4000-8000-000000000000', other.token);
      expect(missing.body).toEqual(asOther.body);
      expect((await http.get('/api/entries/not-a-uuid', other.token)).body).toEqual(asOther.body);
      expect((await http.get(`/api/entries/${entry.id}`)).status).toBe(401);
    });

    it('lets the organizer read an entry but not change it (403 saying who may)', async () => {
      const team = await newApplicant(http);
      const { body: entry } = await http.post(`/api/contests/${demo.id}/entries`, { title: 'Read only for you' }, team.token);
      const attempt = await patch(entry.id, { version: 1, title: 'Organizer edit' }, organizer);
      expect(attempt.status).toBe(403);
      expect(attempt.body.message).toMatch(/Only the team that owns this entry may change it/);
      expect((await http.post(`/api/contests/${demo.id}/entries`, { title: 'x' }, organizer)).status).toBe(403);
    });

    it('keeps one live entry per applicant and category (409 naming the entry), freed by withdrawing', async () => {
      const team = await newApplicant(http);
      const category = known(demo.categories[0], 'demo.categories[0]').id;
      const first = await http.post(`/api/contests/${demo.id}/entries`, { title: 'Cảng xanh', categoryId: category }, team.token);
      expect(first.status).toBe(201);
      // A draft without a category holds no place.
      expect((await http.post(`/api/contests/${demo.id}/entries`, { title: 'Undecided' }, team.token)).status).toBe(201);

      const second = await http.post(`/api/contests/${demo.id}/entries`, { title: 'Another', categoryId: category }, team.token);
      expect(second.status).toBe(409);
      expect(second.body.code).toBe('entry.category_taken');
      expect(second.body.message).toBe(
        `You already have an entry in the category "Doanh nghiệp khởi nghiệp": "Cảng xanh" (draft, id ${first.body.id}). Continue that entry, or withdraw it before starting another.`,
      );
      // Moving another draft into the category is refused the same way.
      const other = await http.post(
        `/api/contests/${demo.id}/entries`,
        { title: 'Student idea', categoryId: known(demo.categories[1], 'demo.categories[1]').id },
        team.token,
      );
      const move = await patch(other.body.id, { version: 1, categoryId: category }, team.token);
      expect(move.status).toBe(409);
      expect(move.body.message).toMatch(/"Cảng xanh"/);

      expect((await http.post(`/api/entries/${first.body.id}/withdraw`, {}, team.token)).body.status).toBe('withdrawn');
      expect((await http.post(`/api/contests/${demo.id}/entries`, { title: 'Second try', categoryId: category }, team.token)).status).toBe(
        201,
      );
    });

    it('refuses a category of another contest and an unknown contest', async () => {
      const team = await newApplicant(http);
      const other = await openContest(http, api.databaseUrl, organizer, { slug: 'other-contest-2027' });
      const wrong = await http.post(
        `/api/contests/${demo.id}/entries`,
        { categoryId: known(other.categories[0], 'other.categories[0]').id },
        team.token,
      );
      expect(wrong.status).toBe(400);
      expect(wrong.body.fields).toEqual([
        {
          field: 'categoryId',
          code: 'option',
          message: 'is not a category of this contest; choose one of "Doanh nghiệp khởi nghiệp", "Ý tưởng sinh viên"',
        },
      ]);
      const unknown = await http.post('/api/contests/00000000-0000-4000-8000-000000000000/entries', {}, team.token);
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('contest.not_found');
    });
  });

  describe('saving a draft', () => {
    it('applies partial changes, bumps the version and refuses a stale one with 409 saying to reload', async () => {
      const team = await newApplicant(http);
      const { body: entry } = await http.post(
        `/api/contests/${demo.id}/entries`,
        completeEntry(demo, known(demo.categories[0], 'demo.categories[0]').id),
        team.token,
      );

      const first = await patch(entry.id, { version: 1, title: 'GreenHarbor 2.0' }, team.token);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ version: 2, title: 'GreenHarbor 2.0', teamName: 'GreenHarbor', summary: entry.summary });

      // A second tab still holding version 1.
      const stale = await patch(entry.id, { version: 1, summary: 'Old tab' }, team.token);
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ statusCode: 409, code: 'entry.stale_version' });
      expect(stale.body.message).toMatch(/now at version 2\)\. Reload it, then make your change again\./);
      expect((await http.get(`/api/entries/${entry.id}`, team.token)).body.summary).toBe(entry.summary);

      const cleared = await patch(entry.id, { version: 2, videoUrl: 'https://youtu.be/abc', organization: '  ' }, team.token);
      expect(cleared.body).toMatchObject({ version: 3, videoUrl: 'https://youtu.be/abc', organization: null });
      expect((await patch(entry.id, { version: 3, videoUrl: null }, team.token)).body).toMatchObject({ version: 4, videoUrl: null });
    });

    it('refuses a video link that is not http(s), a null title, bad members and unknown fields with 400 per field', async () => {
      const team = await newApplicant(http);
      const { body: entry } = await http.post(`/api/contests/${demo.id}/entries`, {}, team.token);
      for (const videoUrl of ['javascript:alert(1)', 'ftp://files.example.vn/pitch.mp4', 'youtube.com/watch?v=1']) {
        const bad = await patch(entry.id, { version: 1, videoUrl }, team.token);
        expect(bad.status).toBe(400);
        expect(bad.body.fields).toEqual([
          { field: 'videoUrl', message: 'must be a web address starting with http:// or https://', code: 'format' },
        ]);
      }
      expect((await http.post(`/api/contests/${demo.id}/entries`, { videoUrl: 'javascript:alert(1)' }, team.token)).status).toBe(400);

      expect((await patch(entry.id, { version: 1, title: null }, team.token)).body.fields).toEqual([
        { field: 'title', message: 'must be text', code: 'type' },
      ]);
      const members = Array.from({ length: 21 }, (_, i) => ({ name: `Member ${i}`, role: 'dev' }));
      expect((await patch(entry.id, { version: 1, members }, team.token)).body.fields).toEqual([
        { field: 'members', message: 'may list at most 20 members', code: 'max_items', limit: 20 },
      ]);
      const badMember = await patch(entry.id, { version: 1, members: [{ name: 'An', role: '', email: 'not-mail' }] }, team.token);
      expect(badMember.body.fields.map((f: { field: string }) => f.field)).toEqual(['members.0.role', 'members.0.email']);
      expect((await patch(entry.id, { version: 1, ownerId: team.id }, team.token)).body.fields).toEqual([
        { field: 'ownerId', message: 'is not a known field: remove it', code: 'unknown' },
      ]);
      expect((await patch(entry.id, { title: 'no version' }, team.token)).body.fields[0].field).toBe('version');
      expect((await http.get(`/api/entries/${entry.id}`, team.token)).body.version).toBe(1);
    });

    it('keeps 20 members with their e-mails', async () => {
      const team = await newApplicant(http);
      const { body: entry } = await http.post(`/api/contests/${demo.id}/entries`, {}, team.token);
      const members = Array.from({ length: 20 }, (_, i) => ({
        name: `Thành viên ${i + 1}`,
        role: 'Kỹ sư',
        email: i === 0 ? 'lead@team.vn' : undefined,
      }));
      const saved = await patch(entry.id, { version: 1, members }, team.token);
      expect(saved.status).toBe(200);
      expect(saved.body.members).toHaveLength(20);
      expect(saved.body.members[0]).toEqual({ name: 'Thành viên 1', role: 'Kỹ sư', email: 'lead@team.vn' });
      expect(saved.body.members[1]).toEqual({ name: 'Thành viên 2', role: 'Kỹ sư', email: null });
    });
  });

  describe('submitting', () => {
    it('keeps an unverified account to drafts: submitting waits until the mailbox is proved (403, saying how)', async () => {
      const email = `unverified-${Date.now()}@example.vn`;
      expect((await http.post('/api/auth/register', { email, password: 'applicant-pass', displayName: 'Unverified' })).status).toBe(202);
      const token = await http.login(email, 'applicant-pass');
      const draft = await http.post(
        `/api/contests/${demo.id}/entries`,
        completeEntry(demo, known(demo.categories[0], 'demo.categories[0]').id),
        token,
      );
      expect(draft.status).toBe(201);
      const refused = await http.post(`/api/entries/${draft.body.id}/submit`, {}, token);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('entry.email_unverified');
      expect(refused.body.message).toContain(email);
      expect((await http.get(`/api/entries/${draft.body.id}`, token)).body.status).toBe('draft');
    });

    it('refuses an incomplete entry with 422 listing every missing field', async () => {
      const team = await newApplicant(http);
      const { body: entry } = await http.post(
        `/api/contests/${demo.id}/entries`,
        { title: 'Half done', summary: 'Only a summary' },
        team.token,
      );
      const refused = await http.post(`/api/entries/${entry.id}/submit`, {}, team.token);
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('entry.incomplete');
      expect(refused.body.fields.map((f: { field: string }) => f.field)).toEqual([
        'teamName',
        'problem',
        'solution',
        'market',
        'businessModel',
        'categoryId',
        'members',
        'pitchDeck',
        // The demo contest's own required questions; with no category chosen yet, the company's
        // questions are among them too.
        'answers.foundedOn',
        'answers.taxCode',
        'answers.province',
        'answers.stage',
        'answers.teamSize',
        'answers.acceptRules',
      ]);
      expect(refused.body.message).toMatch(
        /^The entry cannot be submitted yet: complete teamName, problem, solution, market, businessModel, categoryId, members, pitchDeck, answers\.foundedOn, .*answers\.acceptRules, then submit again\.$/,
      );
      expect((await http.get(`/api/entries/${entry.id}`, team.token)).body.status).toBe('draft');
    });

    it('gives a submitted entry the next code of the contest and makes it read-only', async () => {
      const team = await newApplicant(http);
      const { body: entry } = await http.post(
        `/api/contests/${demo.id}/entries`,
        completeEntry(demo, known(demo.categories[0], 'demo.categories[0]').id),
        team.token,
      );
      // The demo contest needs a pitch deck.
      const withoutDeck = await http.post(`/api/entries/${entry.id}/submit`, { version: 1 }, team.token);
      expect(withoutDeck.body.fields).toEqual([
        {
          field: 'pitchDeck',
          code: 'required',
          message: 'is missing: this contest needs a pitch deck, uploaded as a PDF or PPTX attachment of kind pitch_deck',
        },
      ]);
      expect((await deck(entry.id, team.token)).status).toBe(201);

      const { entry_seq: before } = await sqlRow(api.databaseUrl, `SELECT entry_seq FROM contests WHERE id = $1`, [demo.id]);
      const submitted = await http.post(`/api/entries/${entry.id}/submit`, { version: 1 }, team.token);
      expect(submitted.status).toBe(200);
      expect(submitted.body).toMatchObject({ status: 'submitted', code: `ST26-${String(before + 1).padStart(3, '0')}`, version: 2 });
      expect(Date.parse(submitted.body.submittedAt)).toBeGreaterThan(Date.now() - 60_000);

      const edit = await patch(entry.id, { version: 2, title: 'Late change' }, team.token);
      expect(edit.status).toBe(409);
      expect(edit.body.message).toBe(`This entry was submitted (code ${submitted.body.code}) and can no longer be changed.`);
      expect((await http.post(`/api/entries/${entry.id}/submit`, {}, team.token)).status).toBe(409);
      expect((await deck(entry.id, team.token)).status).toBe(409);
    });

    it('refuses a submission carrying a stale version', async () => {
      const team = await newApplicant(http);
      const { body: entry } = await http.post(
        `/api/contests/${demo.id}/entries`,
        completeEntry(demo, known(demo.categories[0], 'demo.categories[0]').id),
        team.token,
      );
      await deck(entry.id, team.token);
      await patch(entry.id, { version: 1, market: 'Cả Đông Nam Á' }, team.token);
      const stale = await http.post(`/api/entries/${entry.id}/submit`, { version: 1 }, team.token);
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('entry.stale_version');
    });

    it('numbers simultaneous submissions without gaps or repeats, deriving the prefix from the slug', async () => {
      // No code_prefix: "hai-phong-innovation-2027" in 2027 gives HPI27.
      const contest = await openContest(http, api.databaseUrl, organizer, { slug: 'hai-phong-innovation-2027' });
      const teams = await Promise.all(Array.from({ length: 6 }, () => newApplicant(http)));
      const entries = await Promise.all(
        teams.map(
          async (team) =>
            (
              await http.post(
                `/api/contests/${contest.id}/entries`,
                completeEntry(contest, known(contest.categories[0], 'contest.categories[0]').id),
                team.token,
              )
            ).body,
        ),
      );
      const results = await Promise.all(
        entries.map((entry, i) => http.post(`/api/entries/${entry.id}/submit`, {}, known(teams[i], 'teams[i]').token)),
      );
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(results.map((r) => r.body.code).sort()).toEqual([
        'HPI27-001',
        'HPI27-002',
        'HPI27-003',
        'HPI27-004',
        'HPI27-005',
        'HPI27-006',
      ]);
    });

    it('refuses entries, changes and submissions after the deadline with 422 saying when it closed', async () => {
      const team = await newApplicant(http);
      const contest = await openContest(http, api.databaseUrl, organizer, { slug: 'closing-soon-2027' });
      const { body: entry } = await http.post(
        `/api/contests/${contest.id}/entries`,
        completeEntry(contest, known(contest.categories[0], 'contest.categories[0]').id),
        team.token,
      );
      const closesAt = new Date(Date.now() - 60_000);
      await sql(api.databaseUrl, `UPDATE contests SET submission_closes_at = $2 WHERE id = $1`, [contest.id, closesAt]);

      const late = await http.post(`/api/entries/${entry.id}/submit`, {}, team.token);
      expect(late.status).toBe(422);
      expect(late.body).toMatchObject({ code: 'entry.submissions_closed' });
      expect(late.body.message).toBe(
        `Submissions to "Contest closing-soon-2027" closed on ${closesAt.toISOString()}. Entries can no longer be started, changed or submitted.`,
      );
      expect((await patch(entry.id, { version: 1, title: 'Late' }, team.token)).status).toBe(422);
      expect((await http.post(`/api/contests/${contest.id}/entries`, {}, (await newApplicant(http)).token)).status).toBe(422);
      expect((await http.get(`/api/entries/${entry.id}`, team.token)).body.status).toBe('draft');
    });

    it('refuses a contest whose window has closed, and one that is not open yet, saying when', async () => {
      const team = await newApplicant(http);
      const closed = await openContest(http, api.databaseUrl, organizer, {
        slug: 'closed-2025',
        year: 2025,
        opensInDays: -60,
        closesInDays: -30,
      });
      const refused = await http.post(
        `/api/contests/${closed.id}/entries`,
        completeEntry(closed, known(closed.categories[0], 'closed.categories[0]').id),
        team.token,
      );
      expect(refused.status).toBe(422);
      expect(refused.body.message).toMatch(/^Submissions to "Contest closed-2025" closed on \d{4}-\d\d-\d\dT/);

      const future = await openContest(http, api.databaseUrl, organizer, {
        slug: 'future-2028',
        year: 2028,
        opensInDays: 10,
        closesInDays: 40,
      });
      const early = await http.post(`/api/contests/${future.id}/entries`, {}, team.token);
      expect(early.status).toBe(422);
      expect(early.body.code).toBe('entry.submissions_not_open');
      expect(early.body.message).toMatch(/open on \d{4}-\d\d-\d\dT.*Come back then/);

      // A draft contest is not visible to applicants at all.
      const draft = await openContest(http, api.databaseUrl, organizer, { slug: 'draft-2027', status: 'draft' });
      expect((await http.post(`/api/contests/${draft.id}/entries`, {}, team.token)).status).toBe(404);
    });
  });

  describe('withdrawing', () => {
    it('withdraws a submitted entry until judging starts, then refuses with 409', async () => {
      const contest = await openContest(http, api.databaseUrl, organizer, { slug: 'withdraw-2027' });
      const team = await newApplicant(http);
      const { body: a } = await http.post(
        `/api/contests/${contest.id}/entries`,
        completeEntry(contest, known(contest.categories[0], 'contest.categories[0]').id),
        team.token,
      );
      const { body: b } = await http.post(
        `/api/contests/${contest.id}/entries`,
        completeEntry(contest, known(contest.categories[1], 'contest.categories[1]').id),
        team.token,
      );
      await http.post(`/api/entries/${a.id}/submit`, {}, team.token);
      await http.post(`/api/entries/${b.id}/submit`, {}, team.token);

      // Submissions closed is not judging yet: withdrawing still goes (slug withdraw-2027 gives codes W27-…).
      await sql(api.databaseUrl, `UPDATE contests SET status = 'closed' WHERE id = $1`, [contest.id]);
      const withdrawn = await http.post(`/api/entries/${a.id}/withdraw`, {}, team.token);
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toMatchObject({ status: 'withdrawn', code: 'W27-001' });
      expect(withdrawn.body.withdrawnAt).toEqual(expect.any(String));
      expect((await http.post(`/api/entries/${a.id}/withdraw`, {}, team.token)).status).toBe(409);

      await sql(api.databaseUrl, `UPDATE contests SET status = 'judging' WHERE id = $1`, [contest.id]);
      const tooLate = await http.post(`/api/entries/${b.id}/withdraw`, {}, team.token);
      expect(tooLate.status).toBe(409);
      expect(tooLate.body.code).toBe('entry.judging_started');
      expect(tooLate.body.message).toMatch(/Judging of "Contest withdraw-2027" has started/);
    });
  });

  it('lists the applicant’s own entries with status, code, contest and category', async () => {
    const team = await newApplicant(http);
    const { body: draft } = await http.post(`/api/contests/${demo.id}/entries`, { title: 'Nháp' }, team.token);
    const { body: done } = await http.post(
      `/api/contests/${demo.id}/entries`,
      completeEntry(demo, known(demo.categories[1], 'demo.categories[1]').id),
      team.token,
    );
    await deck(done.id, team.token);
    const submitted = (await http.post(`/api/entries/${done.id}/submit`, {}, team.token)).body;

    const mine = await http.get('/api/me/entries', team.token);
    expect(mine.status).toBe(200);
    expect(mine.body).toHaveLength(2);
    expect(mine.body.find((e: { id: string }) => e.id === done.id)).toMatchObject({
      status: 'submitted',
      code: submitted.code,
      contestName: 'Tìm kiếm tài năng khởi nghiệp đổi mới sáng tạo 2026',
      contestSlug: 'startup-talent-2026',
      categoryName: 'Ý tưởng sinh viên',
      title: 'GreenHarbor: cảng biển xanh',
    });
    expect(mine.body.find((e: { id: string }) => e.id === draft.id)).toMatchObject({ status: 'draft', code: null, categoryName: null });
    expect((await http.get('/api/me/entries', (await newApplicant(http)).token)).body).toEqual([]);
  });
});
