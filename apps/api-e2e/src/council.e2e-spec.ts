import { Client } from 'pg';
import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';
import { mailedLink } from './support/mailbox';
import { type BuiltContest, type BuiltEntry, type BuiltJudge, ResultsFixture } from './support/results-fixtures';

/**
 * The council's sign-off over HTTP. One round (the final), a complete panel of three judges, so
 * the default council is those three and the default share 2/3 needs ⌈2/3 · 3⌉ = 2 approvals.
 * Rubric: one criterion, weight 1, max 10: a sheet total is 10 · v.
 *   A: 9, 9, 9 → 90 (first prize)     B: 6, 6, 6 → 60
 */
describe('council sign-off on the awards', () => {
  let api: ApiProcess;
  let http: Http;
  let db: Client;
  let organizer: string;
  let fixture: ResultsFixture;
  let contest: BuiltContest;
  let entries: Record<'A' | 'B', BuiltEntry>;
  let judges: [BuiltJudge, BuiltJudge, BuiltJudge];
  let applicant: string;
  const awards = () => [{ tier: 'first', entryId: entries.A.id }];

  beforeAll(async () => {
    const url = await createDatabase();
    expect((await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: url })).code).toBe(0);
    api = await startApi({}, url);
    http = new Http(api.url);
    db = new Client({ connectionString: url });
    await db.connect();
    organizer = await http.login('organizer@demo.laurel');
    fixture = new ResultsFixture(http, organizer);
    contest = await fixture.contest({
      name: 'Hội đồng thử nghiệm',
      categories: ['Doanh nghiệp'],
      prizes: [{ tier: 'first', count: 1, amount: 50_000_000, currency: 'VND' }],
      rounds: [{ name: 'Chung khảo', order: 1, criteria: [{ name: 'Overall', weight: 1, maxScore: 10 }] }],
    });
    entries = {
      A: await fixture.entry(contest, { title: 'Nông nghiệp thông minh', teamName: 'AgriViệt', category: 'Doanh nghiệp' }),
      B: await fixture.entry(contest, { title: 'Cảng xanh', teamName: 'GreenHarbor', category: 'Doanh nghiệp' }),
    };
    for (const entry of Object.values(entries)) await fixture.eligibility(entry.id, true);
    await fixture.status(contest.id, 'closed');
    await fixture.status(contest.id, 'judging');
    judges = [
      await fixture.judge(contest.id, 'Nguyễn Chủ Tịch'),
      await fixture.judge(contest.id, 'Trần Ủy Viên'),
      await fixture.judge(contest.id, 'Lê Thư Ký'),
    ];
    const [round] = contest.rounds;
    await fixture.openRound(round.id);
    for (const judge of judges) {
      await fixture.score(judge, round, entries.A.id, { Overall: 9 });
      await fixture.score(judge, round, entries.B.id, { Overall: 6 });
    }
    await fixture.closeRound(round.id);
    await http.post('/api/auth/register', { email: 'founder@council-outsider.vn', password: 'password-1', displayName: 'Outsider' });
    applicant = await http.login('founder@council-outsider.vn', 'password-1');
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await api?.stop();
  });

  const tallyOf = async (token = organizer) => {
    const view = await http.get(`/api/contests/${contest.id}/awards/approvals`, token);
    expect(view.status).toBe(200);
    return view.body;
  };

  it('waits for confirmed awards before anyone can decide', async () => {
    const early = await http.post(`/api/contests/${contest.id}/awards/approvals`, { decision: 'approve' }, judges[0].token);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('awards.not_confirmed');
  });

  it('names the final round judges as the default council, two thirds of them required', async () => {
    expect((await http.post(`/api/contests/${contest.id}/awards`, { awards: awards() }, organizer)).status).toBe(200);
    const view = await tallyOf();
    expect(view).toMatchObject({
      named: false,
      isMember: false,
      tally: { members: 3, approvals: 0, objections: 0, required: 2, reached: false },
    });
    expect(view.approvalShare).toBeCloseTo(2 / 3, 12);
    expect(view.members.map((m: any) => m.displayName).sort()).toEqual(judges.map((j) => j.displayName).sort());
    expect(view.awards).toMatchObject([{ tier: 'first', entryId: entries.A.id, prizeAmount: 50_000_000 }]);
    // A member sees the same page and is told they may decide.
    expect(await tallyOf(judges[0].token)).toMatchObject({ isMember: true, tally: { members: 3 } });
    const mine = await http.get('/api/me/council', judges[0].token);
    expect(mine.body).toEqual([
      expect.objectContaining({ contestId: contest.id, myDecision: null, tally: expect.objectContaining({ required: 2 }) }),
    ]);
  });

  it('asks every member by mail, in their language, with a link to their council page', async () => {
    // The confirmation above asked the three judges; each mail names the contest's council page.
    for (const judge of judges) {
      const link = await mailedLink(http, judge.email, 'council_approval_request');
      expect(link).toContain(`/council/${contest.id}`);
    }
    const confirmed = await db.query(`SELECT payload FROM audit_events WHERE contest_id = $1 AND action = 'awards.confirmed'`, [
      contest.id,
    ]);
    expect(confirmed.rows[0].payload.approvalRequested).toBe(3);
    const mails = await db.query(`SELECT to_address FROM mail_outbox WHERE template = 'council_approval_request' AND contest_id = $1`, [
      contest.id,
    ]);
    expect(mails.rows.map((r) => r.to_address).sort()).toEqual(judges.map((j) => j.email).sort());
  });

  it('answers 404 to anyone not on the council, the organizer included', async () => {
    for (const token of [applicant, organizer]) {
      const refused = await http.post(`/api/contests/${contest.id}/awards/approvals`, { decision: 'approve' }, token);
      expect(refused.status).toBe(404);
      expect(refused.body.code).toBe('council.not_found');
    }
    expect((await http.get(`/api/contests/${contest.id}/awards/approvals`, applicant)).status).toBe(404);
    expect((await http.get(`/api/me/council`, applicant)).body).toEqual([]);
  });

  it('refuses publication under the share with the counts, and allows it once reached', async () => {
    const one = await http.post(`/api/contests/${contest.id}/awards/approvals`, { decision: 'approve' }, judges[0].token);
    expect(one.status).toBe(200);
    expect(one.body).toEqual({ members: 3, approvals: 1, objections: 0, required: 2, reached: false });
    const objection = await http.post(
      `/api/contests/${contest.id}/awards/approvals`,
      { decision: 'object', note: '  Cần xem lại điểm của đội B.  ' },
      judges[1].token,
    );
    expect(objection.body).toEqual({ members: 3, approvals: 1, objections: 1, required: 2, reached: false });

    const refused = await http.post(`/api/contests/${contest.id}/publish`, {}, organizer);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('awards.not_approved');
    expect(refused.body.message).toBe(
      'The council has not approved the awards yet: 1 of 3 members approved and 1 objected; 2 approvals are needed. Ask the members to decide on their council page, or change the awards if they object.',
    );
    expect(refused.body.details).toEqual({ tally: { members: 3, approvals: 1, objections: 1, required: 2, reached: false } });

    const view = await tallyOf();
    expect(view.members.find((m: any) => m.userId === judges[1].id)).toMatchObject({
      decision: 'object',
      note: 'Cần xem lại điểm của đội B.',
    });
    const audit = await db.query(
      `SELECT action, actor_id, payload FROM audit_events WHERE contest_id = $1 AND action LIKE 'awards.%' ORDER BY occurred_at, id`,
      [contest.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['awards.confirmed', 'awards.approved', 'awards.objected']);
    expect(audit.rows[2]).toMatchObject({
      actor_id: judges[1].id,
      payload: { decision: 'object', note: 'Cần xem lại điểm của đội B.' },
    });
  });

  it('clears every decision when the awards are confirmed again', async () => {
    expect((await http.post(`/api/contests/${contest.id}/awards`, { awards: awards() }, organizer)).status).toBe(200);
    const view = await tallyOf();
    expect(view.tally).toEqual({ members: 3, approvals: 0, objections: 0, required: 2, reached: false });
    expect(view.members.every((m: any) => m.decision === null)).toBe(true);
    const confirmed = await db.query(
      `SELECT payload FROM audit_events WHERE contest_id = $1 AND action = 'awards.confirmed' ORDER BY occurred_at DESC, id DESC LIMIT 1`,
      [contest.id],
    );
    expect(confirmed.rows[0].payload.approvalsCleared).toBe(2);
  });

  it('takes named members and a share from the organizer; a member dropped can no longer decide', async () => {
    const current = await http.get(`/api/contests/${contest.id}`, organizer);
    const stranger = (await db.query(`SELECT id FROM users WHERE email = 'founder@council-outsider.vn'`)).rows[0].id;
    const bad = await http.request('PATCH', `/api/contests/${contest.id}`, {
      body: { version: current.body.version, council: { memberIds: [judges[0].id, stranger] } },
      token: organizer,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual([
      {
        field: 'council.memberIds.1',
        code: 'contest.council_not_judge',
        message: 'is not a judge of this contest: invite them to the panel first',
      },
    ]);

    const named = await http.request('PATCH', `/api/contests/${contest.id}`, {
      body: {
        version: current.body.version,
        council: { memberIds: [judges[0].id, judges[1].id], approvalShare: 1 },
        councilMeetingPlace: 'Hội trường A',
      },
      token: organizer,
    });
    expect(named.status).toBe(200);
    expect(named.body).toMatchObject({ council: { approvalShare: 1, named: true }, councilMeetingPlace: 'Hội trường A' });
    expect(JSON.stringify(named.body)).not.toContain(judges[0].id);
    expect((await tallyOf()).tally).toEqual({ members: 2, approvals: 0, objections: 0, required: 2, reached: false });
    expect((await http.post(`/api/contests/${contest.id}/awards/approvals`, { decision: 'approve' }, judges[2].token)).status).toBe(404);

    const back = await http.request('PATCH', `/api/contests/${contest.id}`, {
      body: { version: named.body.version, council: { memberIds: null, approvalShare: null } },
      token: organizer,
    });
    expect(back.status).toBe(200);
    expect(back.body.council).toEqual({ approvalShare: 2 / 3, named: false });
    const changes = await db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE contest_id = $1 AND action = 'contest.council_changed'`,
      [contest.id],
    );
    expect(changes.rows[0].n).toBe(2);
  });

  it('counts two members approving at the same moment, then publishes; the council is done after that', async () => {
    const both = await Promise.all(
      judges
        .slice(1)
        .map((j) => http.post(`/api/contests/${contest.id}/awards/approvals`, { decision: 'approve', note: 'Đồng ý' }, j.token)),
    );
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(both.map((r) => r.body.approvals).sort()).toEqual([1, 2]);
    expect((await tallyOf()).tally).toEqual({ members: 3, approvals: 2, objections: 0, required: 2, reached: true });

    const published = await http.post(`/api/contests/${contest.id}/publish`, {}, organizer);
    expect(published.status).toBe(200);
    const event = await db.query(`SELECT payload FROM audit_events WHERE contest_id = $1 AND action = 'contest.published'`, [contest.id]);
    expect(event.rows[0].payload.council).toEqual({ members: 3, approvals: 2, objections: 0, required: 2, reached: true });
    const late = await http.post(`/api/contests/${contest.id}/awards/approvals`, { decision: 'object' }, judges[0].token);
    expect(late.status).toBe(409);
    expect((await http.get('/api/me/council', judges[0].token)).body).toEqual([]);
  });
});
