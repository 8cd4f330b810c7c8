import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { Client } from 'pg';
import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';
import { type BuiltContest, type BuiltEntry, type BuiltJudge, ResultsFixture } from './support/results-fixtures';
import { registerVerifiedFromSink, tokenOfLink } from './support/mailbox';
import { type ReceivedMail, SmtpSink } from './support/smtp-sink';
import { StatementCounter } from './support/statement-counter';

const PUBLIC_URL = 'http://laurel.test';
const tokenOf = (link: string | null) => tokenOfLink(link ?? '');

/**
 * The public vote over HTTP, every mail (judges' invitations, voters' confirmations) delivered
 * over SMTP to a real server in the test process and read back as the voter would: a vote counts only once its mailed link is
 * opened; one counted vote per mailbox (lower-cased, +tag removed); a voided vote leaves the
 * tally; a vote after closing is 409; a client address is throttled; the blend ranks.
 *
 * One round (rubric Idea, weight 1, max 10, so T = 10·v), three judges score every entry:
 *   X 8, 8, 8 → judgeScore 80;  Y 9, 9, 9 → 90;  Z 5, 5, 5 → 50.
 * Counted votes at the end: X 2, Y 0, Z 1 (one more for Y is voided) → most 2 →
 * voteScore X 100, Y 0, Z 50; with p = 0.2: X 0.8·80 + 20 = 84, Y 0.8·90 = 72, Z 0.8·50 + 10 = 50.
 * The judges alone rank Y, X, Z; the blend ranks X, Y, Z.
 */
describe('public vote over HTTP', () => {
  let api: ApiProcess;
  let counter: StatementCounter;
  let http: Http;
  let db: Client;
  let organizer: string;
  let fixture: ResultsFixture;
  let contest: BuiltContest;
  let entries: Record<'X' | 'Y' | 'Z', BuiltEntry>;
  let judges: [BuiltJudge, BuiltJudge, BuiltJudge];
  let round: BuiltContest['rounds'][number];
  let version: number;
  const smtp = new SmtpSink(PUBLIC_URL);
  const day = 24 * 60 * 60 * 1000;

  const setVote = async (vote: Record<string, unknown> | null) => {
    const answer = await http.request('PATCH', `/api/contests/${contest.id}`, { body: { version, publicVote: vote }, token: organizer });
    if (answer.status !== 200) throw new Error(`set the vote: ${answer.status} ${JSON.stringify(answer.body)}`);
    version = answer.body.version;
    return answer.body;
  };
  const openVote = () =>
    setVote({
      enabled: true,
      roundId: round.id,
      opensAt: new Date(Date.now() - day).toISOString(),
      closesAt: new Date(Date.now() + day).toISOString(),
      share: 0.2,
      scope: 'overall',
    });
  const cast = (entry: BuiltEntry, email: string) =>
    http.post(`/api/public/contests/${contest.slug}/votes`, { entryId: entry.id, email, language: 'en' });
  /** The newest confirmation mailed to this address (the one the voter just asked for). */
  const mailTo = async (email: string): Promise<ReceivedMail> => {
    const mine = (m: ReceivedMail) =>
      m.to.toLowerCase() === email.toLowerCase() && m.link !== null && m.link.includes('/vote/confirm#token=');
    const already = smtp.mails.filter(mine).length;
    return (await smtp.waitFor(mine, Math.max(already, 1))).at(-1) as ReceivedMail;
  };
  /** A judge invited by the organizer who accepts from the mailed invitation. */
  const judge = async (displayName: string): Promise<BuiltJudge> => {
    const email = `${displayName.toLowerCase().replace(/[^a-z]+/g, '.')}@jury.vote.vn`;
    const invited = await http.post(`/api/contests/${contest.id}/judges`, { email, displayName }, organizer);
    if (invited.status !== 202) throw new Error(`invite ${displayName}: ${invited.status} ${JSON.stringify(invited.body)}`);
    const [mail] = await smtp.waitFor((m) => m.to === email && (m.link ?? '').includes('/invitations/accept#token='));
    const accepted = await http.post('/api/invitations/accept', { token: tokenOf(mail.link), password: 'judge-password-1' });
    if (accepted.status !== 200) throw new Error(`accept ${displayName}: ${accepted.status} ${JSON.stringify(accepted.body)}`);
    return { id: accepted.body.user.id, email, displayName, token: accepted.body.accessToken };
  };
  const counts = async () => (await http.get(`/api/contests/${contest.id}/votes`, organizer)).body;
  const votesOf = (body: any, entry: BuiltEntry) => body.entries.find((e: any) => e.entryId === entry.id);

  beforeAll(async () => {
    const url = await createDatabase();
    expect((await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: url })).code).toBe(0);
    await smtp.start();
    // Through a proxy that counts the statements on the wire (a cast and a confirmation are guarded below).
    counter = await StatementCounter.start(url);
    api = await startApi(
      { VOTE_THROTTLE_LIMIT: '20', SMTP_URL: smtp.url, MAIL_FROM: 'Laurel <no-reply@laurel.test>', PUBLIC_URL },
      counter.databaseUrl,
    );
    http = new Http(api.url);
    db = new Client({ connectionString: url });
    await db.connect();
    organizer = await http.login('organizer@demo.laurel');
    // Mail goes to the SMTP server here: each team opens its confirmation link from there.
    fixture = new ResultsFixture(http, organizer, undefined, registerVerifiedFromSink(http, smtp));
    contest = await fixture.contest({
      categories: ['Chung'],
      prizes: [{ tier: 'first', count: 1 }],
      rounds: [{ name: 'Chung kết', order: 1, criteria: [{ name: 'Idea', weight: 1, maxScore: 10 }] }],
    });
    [round] = contest.rounds;
    entries = {
      X: await fixture.entry(contest, { title: 'Dự án X', teamName: 'Đội X', category: 'Chung' }),
      Y: await fixture.entry(contest, { title: 'Dự án Y', teamName: 'Đội Y', category: 'Chung' }),
      Z: await fixture.entry(contest, { title: 'Dự án Z', teamName: 'Đội Z', category: 'Chung' }),
    };
    for (const entry of Object.values(entries)) await fixture.eligibility(entry.id, true);
    await fixture.status(contest.id, 'closed');
    await fixture.status(contest.id, 'judging');
    judges = [await judge('Judge One'), await judge('Judge Two'), await judge('Judge Three')];
    await fixture.openRound(round.id);
    for (const judge of judges) {
      await fixture.score(judge, round, entries.X.id, { Idea: 8 });
      await fixture.score(judge, round, entries.Y.id, { Idea: 9 });
      await fixture.score(judge, round, entries.Z.id, { Idea: 5 });
    }
    version = (await http.get(`/api/contests/${contest.id}`, organizer)).body.version;
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await api?.stop();
    await counter?.stop();
    await smtp.stop();
  });

  it('has no ballot until the organizer holds a vote, and refuses a share above 0.5 or a round of another contest', async () => {
    expect((await http.get(`/api/public/contests/${contest.slug}/ballot`)).status).toBe(404);
    const tooMuch = await http.request('PATCH', `/api/contests/${contest.id}`, {
      body: {
        version,
        publicVote: {
          enabled: true,
          roundId: round.id,
          opensAt: new Date().toISOString(),
          closesAt: new Date(Date.now() + day).toISOString(),
          share: 0.6,
          scope: 'overall',
        },
      },
      token: organizer,
    });
    expect(tooMuch.status).toBe(400);
    const otherRound = await http.request('PATCH', `/api/contests/${contest.id}`, {
      body: {
        version,
        publicVote: {
          enabled: true,
          roundId: '00000000-0000-4000-8000-000000000000',
          opensAt: new Date().toISOString(),
          closesAt: new Date(Date.now() + day).toISOString(),
          share: 0.2,
          scope: 'overall',
        },
      },
      token: organizer,
    });
    expect(otherRound.status).toBe(400);
    expect(otherRound.body.message).toContain('publicVote.roundId');
    const view = await openVote();
    expect(view.publicVote).toMatchObject({ enabled: true, roundId: round.id, share: 0.2, scope: 'overall' });
  });

  it('shows the ballot with public fields only', async () => {
    const { status, body } = await http.get(`/api/public/contests/${contest.slug}/ballot`);
    expect(status).toBe(200);
    expect(body.vote.open).toBe(true);
    expect(body.entries.map((e: any) => e.title).sort()).toEqual(['Dự án X', 'Dự án Y', 'Dự án Z']);
    expect(JSON.stringify(body)).not.toMatch(/@example\.vn|members|ownerId/);
  });

  it('counts a vote only once its mailed link is opened', async () => {
    let sent = { status: 0 };
    const castStatements = await counter.during(async () => (sent = await cast(entries.X, 'An.Tran+vote@Example.vn')));
    expect(sent.status).toBe(202);
    // One read (contest, round, ballot entry), the throttle's upsert, then BEGIN, the vote, its
    // outbox row and COMMIT (the delivery job's INSERT in that transaction is pg-boss's, left out).
    expect({ count: castStatements.length, castStatements }).toMatchObject({ count: 6 });
    const mail = await mailTo('an.tran+vote@example.vn');
    expect(mail.link).toMatch(/^http:\/\/laurel\.test\/vote\/confirm#token=/);
    // In the voter's language (English was asked for), naming the entry.
    expect(mail.subject).toBe('Confirm your vote: Dự án X');
    expect(mail.text).toContain('Dự án X');

    const before = await counts();
    expect(votesOf(before, entries.X)).toMatchObject({ votes: 0, pending: 1 });
    expect(
      (await http.get(`/api/rounds/${round.id}/results`, organizer)).body.entries.find((e: any) => e.entryId === entries.X.id).votes,
    ).toBe(0);

    let confirmed = { status: 0, body: null as unknown };
    const confirmStatements = await counter.during(
      async () => (confirmed = await http.post('/api/public/votes/confirm', { token: tokenOf(mail.link) })),
    );
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({ counted: true, entry: { code: entries.X.code, title: 'Dự án X' } });
    // One statement decides and counts it.
    expect({ count: confirmStatements.length, confirmStatements }).toMatchObject({ count: 1 });
    // Opening the link twice changes nothing.
    expect((await http.post('/api/public/votes/confirm', { token: tokenOf(mail.link) })).status).toBe(200);
    expect(votesOf(await counts(), entries.X)).toMatchObject({ votes: 1, pending: 0 });
    expect((await http.post('/api/public/votes/confirm', { token: 'x'.repeat(43) })).status).toBe(404);
  });

  it('counts one vote per mailbox: the same address in capitals or with another +tag is refused at confirmation', async () => {
    expect((await cast(entries.Y, 'AN.TRAN+again@example.VN')).status).toBe(202);
    const mail = await mailTo('an.tran+again@example.vn');
    const second = await http.post('/api/public/votes/confirm', { token: tokenOf(mail.link) });
    expect(second.status).toBe(409);
    expect(second.body.message).toContain('already has a counted vote');
    expect(votesOf(await counts(), entries.Y)).toMatchObject({ votes: 0, pending: 1 });
    const [{ n }] = (
      await db.query(
        `SELECT count(*)::int AS n FROM votes WHERE contest_id = $1 AND confirmed_at IS NOT NULL AND mailbox = 'an.tran@example.vn'`,
        [contest.id],
      )
    ).rows;
    expect(n).toBe(1);
  });

  it('counts one of two confirmations of one mailbox racing each other, and answers the other 409 (never 500)', async () => {
    for (const name of ['race1', 'race2', 'race3']) {
      expect((await cast(entries.Z, `${name}+a@example.vn`)).status).toBe(202);
      expect((await cast(entries.Z, `${name}+b@example.vn`)).status).toBe(202);
      const [a, b] = [await mailTo(`${name}+a@example.vn`), await mailTo(`${name}+b@example.vn`)];
      const answers = await Promise.all([a, b].map((m) => http.post('/api/public/votes/confirm', { token: tokenOf(m.link) })));
      expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    }
    const [{ n }] = (
      await db.query(`SELECT count(*)::int AS n FROM votes WHERE contest_id = $1 AND confirmed_at IS NOT NULL AND mailbox LIKE 'race%'`, [
        contest.id,
      ])
    ).rows;
    expect(n).toBe(3);
    // Undo the race's three votes for Z, so that the blend below stays the worked example.
    for (const vote of (await counts()).recent.filter((r: any) => r.mailbox.startsWith('r***'))) {
      expect((await http.post(`/api/votes/${vote.id}/void`, { reason: 'Race test' }, organizer)).status).toBe(204);
    }
  });

  it('lets the organizer void a vote with a reason; it leaves the tally and the audit trail keeps it', async () => {
    for (const [entry, email] of [
      [entries.X, 'binh@example.vn'],
      [entries.Z, 'chi@example.vn'],
      [entries.Y, 'throwaway1@example.vn'],
    ] as const) {
      expect((await cast(entry, email)).status).toBe(202);
      expect((await http.post('/api/public/votes/confirm', { token: tokenOf((await mailTo(email)).link) })).status).toBe(200);
    }
    const before = await counts();
    expect(before.totals.counted).toBe(4);
    const fraud = before.recent.find((r: any) => r.entryId === entries.Y.id && r.voidedAt === null);
    expect(fraud.mailbox).toBe('t***@example.vn');
    expect((await http.post(`/api/votes/${fraud.id}/void`, {}, organizer)).status).toBe(400);
    expect(
      (await http.post(`/api/votes/${fraud.id}/void`, { reason: 'Địa chỉ dùng một lần, cùng một máy với 40 phiếu khác.' }, organizer))
        .status,
    ).toBe(204);
    expect((await http.post(`/api/votes/${fraud.id}/void`, { reason: 'again' }, organizer)).status).toBe(409);
    const after = await counts();
    expect(votesOf(after, entries.Y)).toMatchObject({ votes: 0, voided: 1 });
    // The three race votes voided above and this one.
    expect(after.totals).toMatchObject({ counted: 3, voided: 4 });
    const audit = await db.query(
      `SELECT payload FROM audit_events WHERE contest_id = $1 AND action = 'vote.voided' AND payload->>'reason' <> 'Race test'`,
      [contest.id],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].payload.reason).toContain('Địa chỉ dùng một lần');
    const judge = await http.post(`/api/votes/${fraud.id}/void`, { reason: 'x' }, judges[0].token);
    expect(judge.status).toBe(403);
  });

  it('blends the votes into the ranking: (1 − p)·judgeScore + p·voteScore', async () => {
    const { body } = await http.get(`/api/rounds/${round.id}/results`, organizer);
    const line = (entry: BuiltEntry) => body.entries.find((e: any) => e.entryId === entry.id);
    expect(body.entries.map((e: any) => e.entryId)).toEqual([entries.X.id, entries.Y.id, entries.Z.id]);
    expect(line(entries.X)).toMatchObject({ votes: 2, voteScore: 100 });
    expect(line(entries.X).judgeScore).toBeCloseTo(80, 9);
    expect(line(entries.X).score).toBeCloseTo(84, 9);
    expect(line(entries.Y)).toMatchObject({ votes: 0, voteScore: 0 });
    expect(line(entries.Y).score).toBeCloseTo(72, 9);
    expect(line(entries.Z)).toMatchObject({ votes: 1, voteScore: 50 });
    expect(line(entries.Z).score).toBeCloseTo(50, 9);
  });

  it('answers odd bodies with a readable 4xx and writes nothing (fuzz)', async () => {
    const rows = async () =>
      (await db.query(`SELECT count(*)::int AS n, count(confirmed_at)::int AS c, count(voided_at)::int AS v FROM votes`)).rows[0];
    const before = await rows();
    const [someVote] = (await counts()).recent;
    const odd = fc.oneof(
      fc.anything({ maxDepth: 2 }),
      fc.record(
        {
          entryId: fc.oneof(fc.uuid(), fc.string(), fc.constant(entries.X.id)),
          email: fc.oneof(fc.string({ maxLength: 300 }), fc.constant('a@b'), fc.constant("x'; DROP TABLE votes;--@example.vn")),
        },
        { requiredKeys: [] },
      ),
      fc.record(
        { token: fc.oneof(fc.string({ maxLength: 300 }), fc.constant('x'.repeat(43)), fc.constant('<script>')) },
        { requiredKeys: [] },
      ),
      fc.record({ reason: fc.oneof(fc.string({ maxLength: 3000 }), fc.constant(''), fc.integer()) }, { requiredKeys: [] }),
    );
    await fc.assert(
      fc.asyncProperty(odd, async (body) => {
        for (const [path, token] of [
          [`/api/public/contests/${contest.slug}/votes`, undefined],
          ['/api/public/votes/confirm', undefined],
          [`/api/votes/${someVote.id}/void`, judges[0].token],
        ] as const) {
          const answer = await http.post(path, body, token);
          expect(answer.status).toBeGreaterThanOrEqual(400);
          expect(answer.status).toBeLessThan(500);
          expect(typeof answer.body.message).toBe('string');
        }
      }),
      { numRuns: 40 },
    );
    expect(await rows()).toEqual(before);
  });

  it('refuses a vote before it opens (409), naming when it opens for a client to write in its own way', async () => {
    const opensAt = new Date(Date.now() + day).toISOString();
    await setVote({
      enabled: true,
      roundId: round.id,
      opensAt,
      closesAt: new Date(Date.now() + 2 * day).toISOString(),
      share: 0.2,
      scope: 'overall',
    });
    const early = await cast(entries.Z, 'early@example.vn');
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'vote.not_open', params: { opensAt } });
    await openVote();
  });

  it('refuses a vote and a confirmation after the vote closed (409)', async () => {
    expect((await cast(entries.Z, 'late@example.vn')).status).toBe(202);
    const mail = await mailTo('late@example.vn');
    const closesAt = new Date(Date.now() - 1000).toISOString();
    await setVote({
      enabled: true,
      roundId: round.id,
      opensAt: new Date(Date.now() - 2 * day).toISOString(),
      closesAt,
      share: 0.2,
      scope: 'overall',
    });
    const late = await cast(entries.Z, 'later@example.vn');
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('closed');
    // The instant for a client's own date formatter, not only inside the English sentence.
    expect(late.body).toMatchObject({ code: 'vote.closed', params: { closesAt } });
    const lateConfirm = await http.post('/api/public/votes/confirm', { token: tokenOf(mail.link) });
    expect(lateConfirm.status).toBe(409);
    expect(lateConfirm.body).toMatchObject({ code: 'vote.closed', params: { closesAt } });
    // Pending: this late vote and the three race votes that lost.
    expect(votesOf(await counts(), entries.Z)).toMatchObject({ votes: 1, pending: 4 });
    expect((await http.get(`/api/public/contests/${contest.slug}/ballot`)).body.vote.open).toBe(false);
  });

  it('throttles votes per client address (429), with a message that says when to try again', async () => {
    await openVote();
    let last = 0;
    for (let i = 0; i < 30 && last !== 429; i++) last = (await cast(entries.X, `many${i}@example.vn`)).status;
    expect(last).toBe(429);
    const refused = await cast(entries.X, 'one-more@example.vn');
    expect(refused.status).toBe(429);
    // The window is the shared throttles' (10 minutes from the first cast): the wait is said and sent as Retry-After.
    expect(refused.body.message).toMatch(/Wait (9|10) minutes and try again/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(500);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(600);
  });

  it('freezes the vote with the round: once it is closed, confirming and voiding are 409 and the ranking stays the blend', async () => {
    const pending = await mailTo('many0@example.vn');
    const counted = (await counts()).recent.find((r: any) => r.voidedAt === null);
    await fixture.closeRound(round.id);
    const confirm = await http.post('/api/public/votes/confirm', { token: tokenOf(pending.link) });
    expect(confirm.status).toBe(409);
    expect(confirm.body.message).toContain('is closed');
    expect(confirm.body).toMatchObject({ code: 'vote.closed', params: { round: round.name } });
    const cast = await http.post(`/api/public/contests/${contest.slug}/votes`, { entryId: entries.Z.id, email: 'after.close@example.vn' });
    expect(cast.status).toBe(409);
    const voided = await http.post(`/api/votes/${counted.id}/void`, { reason: 'Too late' }, organizer);
    expect(voided.status).toBe(409);
    expect(voided.body.code).toBe('vote.round_closed');
    expect((await counts()).totals).toMatchObject({ counted: 3, voided: 4 });
    const { body } = await http.get(`/api/rounds/${round.id}/results`, organizer);
    expect(body.snapshotAt).not.toBeNull();
    expect(body.entries.map((e: any) => [e.entryId, e.votes])).toEqual([
      [entries.X.id, 2],
      [entries.Y.id, 0],
      [entries.Z.id, 1],
    ]);
  });

  it('gives the blend to the awards, the workbook and the public results', async () => {
    // First prize to X (84 blended), though the judges alone put Y (90) first.
    const proposal = await http.get(`/api/contests/${contest.id}/awards/proposal`, organizer);
    expect(proposal.status).toBe(200);
    const first = proposal.body.lines.find((l: any) => l.tier === 'first');
    expect(first).toMatchObject({ entryId: entries.X.id, rank: 1 });
    expect(first.score).toBeCloseTo(84, 9);

    const response = await fetch(`${api.url}/api/contests/${contest.id}/export.xlsx`, {
      headers: { authorization: `Bearer ${organizer}` },
    });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as any);
    const sheet = workbook.worksheets.find((w) => w.name.startsWith('Xếp hạng')) as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const column = (name: string) => header.indexOf(name) + 1;
    expect(header.slice(header.indexOf('TB thô'), header.indexOf('Điểm cuối') + 1)).toEqual([
      'TB thô',
      'Điểm giám khảo',
      'Phiếu bình chọn',
      'Điểm bình chọn',
      'Điểm cuối',
    ]);
    const rows = [2, 3, 4].map((n) => sheet.getRow(n));
    expect(rows.map((r) => r.getCell(column('Tên dự án')).value)).toEqual(['Dự án X', 'Dự án Y', 'Dự án Z']);
    expect(rows.map((r) => r.getCell(column('Phiếu bình chọn')).value)).toEqual([2, 0, 1]);
    expect(rows.map((r) => Number(r.getCell(column('Điểm bình chọn')).value))).toEqual([100, 0, 50]);
    expect(rows.map((r) => Number(r.getCell(column('Điểm giám khảo')).value))).toEqual([80, 90, 50].map((n) => expect.closeTo(n, 9)));
    expect(rows.map((r) => Number(r.getCell(column('Điểm cuối')).value))).toEqual([84, 72, 50].map((n) => expect.closeTo(n, 9)));

    const confirmed = await http.post(
      `/api/contests/${contest.id}/awards`,
      { awards: [{ tier: 'first', entryId: entries.X.id }] },
      organizer,
    );
    expect(confirmed.status).toBeLessThan(300);
    await fixture.approve(contest.id, judges);
    const published = await http.post(`/api/contests/${contest.id}/publish`, {}, organizer);
    expect(published.status).toBeLessThan(300);
    const open = await http.get(`/api/public/contests/${contest.slug}/results`);
    expect(open.status).toBe(200);
    expect(open.body.awards.map((a: any) => [a.tier, a.title])).toEqual([['first', 'Dự án X']]);
    expect(open.body.ranking.publicVote).toEqual({ share: 0.2, scope: 'overall' });
    const line = (title: string) => open.body.ranking.entries.find((e: any) => e.title === title);
    expect(open.body.ranking.entries.map((e: any) => e.title)).toEqual(['Dự án X', 'Dự án Y', 'Dự án Z']);
    expect(line('Dự án X')).toMatchObject({ rank: 1, votes: 2, voteScore: 100 });
    expect(line('Dự án X').judgeScore).toBeCloseTo(80, 9);
    expect(line('Dự án X').score).toBeCloseTo(84, 9);
    expect(line('Dự án Y')).toMatchObject({ rank: 2, votes: 0, voteScore: 0 });
    expect(line('Dự án Z')).toMatchObject({ rank: 3, votes: 1, voteScore: 50 });
    // Nothing about the voters reaches the public.
    expect(JSON.stringify(open.body)).not.toMatch(/@example\.vn|mailbox/);
  });
});
