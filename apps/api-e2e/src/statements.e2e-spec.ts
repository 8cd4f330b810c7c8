import { Client } from 'pg';
import { known } from '@laurel/domain';
import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';
import { type BuiltContest, type BuiltEntry, type BuiltJudge, ResultsFixture } from './support/results-fixtures';
import { StatementCounter } from './support/statement-counter';

/**
 * How many SQL statements the hot paths send, counted on the wire between the API and
 * PostgreSQL, so that a reload after a write or a read repeated per request cannot creep back
 * unnoticed. A judge's save in a round the API process has not met yet is one read of everything
 * it decides on and one statement writing sheet, scores and audit event (checking judge,
 * assignment and round again under share locks): 2. The process then remembers the round's
 * rubric, the assignment and the draft, so the next save, of this sheet or of a new one in the
 * round, is the write alone (which checks the judge, the assignment, the round and the version
 * itself): 1; a submit the same: 1 (in a round with divergence review it is a transaction that
 * also reviews; this round has it off). A results read: a fixed number whatever the size of the round (6 today: the round
 * for the access check, then one read-only snapshot: its start, the rubric with the judges' names,
 * the entries with their panels and outcomes, the sheets, its commit).
 */
const SAVE = 2;
const SAVE_AGAIN = 1;
const SUBMIT = 1;
const RESULTS = 6;
/**
 * A sign-in: the client address's count, then the account with its wait and failure count (one
 * read), then (after the hash) the audit event: 3. A wrong password: the same two before the
 * hash, then the account's failure count, and its audit event: 4 (a fifth failure also sets the wait).
 */
const SIGN_IN = 3;
const SIGN_IN_FAILED = 4;

describe('SQL statements per request on the hot paths', () => {
  let counter: StatementCounter;
  let api: ApiProcess;
  let http: Http;
  let fixture: ResultsFixture;
  let contest: BuiltContest;
  let round: BuiltContest['rounds'][number];
  let judge: BuiltJudge;
  let entries: BuiltEntry[];
  let organizer: string;
  let url: string;

  beforeAll(async () => {
    url = await createDatabase();
    expect((await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: url })).code).toBe(0);
    counter = await StatementCounter.start(url);
    api = await startApi({}, counter.databaseUrl);
    http = new Http(api.url);
    organizer = await http.login('organizer@demo.laurel');
    fixture = new ResultsFixture(http, organizer);
    const rubric = [
      { name: 'Innovation', weight: 40, maxScore: 10 },
      { name: 'Market', weight: 35, maxScore: 10 },
      { name: 'Team', weight: 25, maxScore: 10 },
    ];
    contest = await fixture.contest({
      categories: ['Startups'],
      prizes: [{ tier: 'first', count: 1 }],
      rounds: [{ name: 'Final', order: 1, criteria: rubric }],
    });
    [round] = contest.rounds;
    entries = [
      await fixture.entry(contest, { title: 'Alpha', teamName: 'Alpha team', category: 'Startups' }),
      await fixture.entry(contest, { title: 'Beta', teamName: 'Beta team', category: 'Startups' }),
    ];
    for (const entry of entries) await fixture.eligibility(entry.id, true);
    await fixture.status(contest.id, 'closed');
    await fixture.status(contest.id, 'judging');
    judge = await fixture.judge(contest.id, 'Giám khảo Một');
    await fixture.openRound(round.id);
  });
  afterAll(async () => {
    await api?.stop();
    await counter?.stop();
  });

  const scores = (v: number) => [...round.criteria.values()].map((criterionId) => ({ criterionId, value: v }));

  it(`saves a new sheet in ${SAVE} statements, saves it again in ${SAVE_AGAIN}, submits it in ${SUBMIT}`, async () => {
    const assignmentId = await fixture.assignment(judge, round.id, known(entries[0], 'entries[0]').id);
    const put = (body: object) => http.request('PUT', `/api/assignments/${assignmentId}/sheet`, { body, token: judge.token });

    let answer: { status: number; body: any } | undefined;
    const first = await counter.during(async () => (answer = await put({ scores: scores(6).slice(0, 2), version: 0 })));
    expect(answer?.status).toBe(200);
    expect(answer?.body).toMatchObject({ status: 'draft', version: 1 });
    expect(first).toHaveLength(SAVE);

    const second = await counter.during(async () => (answer = await put({ scores: scores(7), comment: 'Rõ ràng', version: 1 })));
    expect(answer?.status).toBe(200);
    expect(answer?.body).toMatchObject({ status: 'draft', version: 2, comment: 'Rõ ràng' });
    expect(second).toHaveLength(SAVE_AGAIN);

    const submit = await counter.during(async () => (answer = await http.post(`/api/assignments/${assignmentId}/submit`, {}, judge.token)));
    expect(answer?.status).toBe(200);
    // 7 of 10 on every criterion: T = 100 · 0.7 = 70.
    expect(answer?.body).toMatchObject({ status: 'submitted', version: 3, total: 70 });
    expect(submit).toHaveLength(SUBMIT);
    expect(first.length + submit.length).toBeLessThanOrEqual(8);
    // The write and its audit event are one statement: no read before it, no reload after it.
    expect(submit.filter((sql) => /^SELECT/i.test(sql))).toHaveLength(0);
  });

  it('writes a new sheet of a known round in one statement; refuses a stale save after one write that changed nothing and one read to say why', async () => {
    const assignmentId = await fixture.assignment(judge, round.id, known(entries[1], 'entries[1]').id);
    let created = 0;
    // A new sheet in a round the process knows: the write alone.
    const first = await counter.during(async () => {
      created = (
        await http.request('PUT', `/api/assignments/${assignmentId}/sheet`, { body: { scores: scores(5), version: 0 }, token: judge.token })
      ).status;
    });
    expect(created).toBe(200);
    expect(first).toHaveLength(SAVE_AGAIN);
    let status = 0;
    const stale = await counter.during(async () => {
      status = (
        await http.request('PUT', `/api/assignments/${assignmentId}/sheet`, { body: { scores: scores(4), version: 0 }, token: judge.token })
      ).status;
    });
    expect(status).toBe(409);
    expect(stale.length <= SAVE + 1 ? [] : stale).toEqual([]);
  });

  it('refuses a save with a conflict after its one read, which reads no judge or entry facts: detection runs where they change', async () => {
    // Both teams' member "Nguyễn Văn A" gave no e-mail: a judge who takes that name is taken to be them.
    // The profile edit stores the conflicts of the judge's assignments; the save only reads them.
    const assignmentId = await fixture.assignment(judge, round.id, known(entries[1], 'entries[1]').id);
    const rename = (displayName: string) => http.request('PATCH', '/api/auth/me', { body: { displayName }, token: judge.token });
    expect((await rename('Nguyễn Văn A')).status).toBe(200);
    try {
      let answer: { status: number; body: any } | undefined;
      const refused = await counter.during(
        async () =>
          (answer = await http.request('PUT', `/api/assignments/${assignmentId}/sheet`, {
            body: { scores: scores(5), version: 1 },
            token: judge.token,
          })),
      );
      expect(answer?.status).toBe(422);
      expect(answer?.body.code).toBe('sheet.conflict_of_interest');
      // The process remembers this assignment (the test before saved it): its write, which checks
      // the stored conflict itself, changed nothing; then the one read says why.
      expect(refused.length <= SAVE ? [] : refused).toEqual([]);
      const read = refused.at(-1);
      expect(read).toMatch(/FROM assignments/);
      expect(read).not.toMatch(/\b(users|entries)\b/);
    } finally {
      expect((await rename(judge.displayName)).status).toBe(200);
    }
    expect(
      (await http.request('PUT', `/api/assignments/${assignmentId}/sheet`, { body: { scores: scores(5), version: 1 }, token: judge.token }))
        .status,
    ).toBe(200);
  });

  it(`reads the results of a round in at most ${RESULTS} statements, and says where the time went`, async () => {
    let answer: { status: number; body: any; headers: Headers } | undefined;
    const read = await counter.during(async () => (answer = await http.get(`/api/rounds/${round.id}/results`, organizer)));
    expect(answer?.status).toBe(200);
    expect(answer?.body.entries).toHaveLength(2);
    // Over the limit, the failure lists the statements.
    expect(read.length <= RESULTS ? [] : read).toEqual([]);
    // Server-Timing: the SQL, turning rows into data and back, the domain's computation, the JSON.
    const phases = Object.fromEntries((answer?.headers.get('server-timing') ?? '').split(', ').map((p) => p.split(';dur=')));
    expect(Object.keys(phases).sort()).toEqual(['domain', 'json', 'map', 'sql']);
    for (const ms of Object.values(phases)) expect(Number(ms)).toBeGreaterThanOrEqual(0);
  });

  it('a save whose round closes between its read and its write writes nothing and answers 409', async () => {
    const judge2 = await fixture.judge(contest.id, 'Giám khảo Hai');
    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      // Give the new judge an assignment while the round is still open.
      await http.post(`/api/rounds/${round.id}/assignments/auto`, {}, organizer);
      const assignmentId = await fixture.assignment(judge2, round.id, known(entries[0], 'entries[0]').id);
      await db.query('BEGIN');
      await db.query(`UPDATE rounds SET status = 'closed' WHERE id = $1`, [round.id]);
      // The save reads the round still open (the closing is not committed), then its write waits for the lock.
      const pending = http.request('PUT', `/api/assignments/${assignmentId}/sheet`, {
        body: { scores: scores(5), version: 0 },
        token: judge2.token,
      });
      await waitForLockWait(url);
      await db.query('COMMIT');
      const answer = await pending;
      expect(answer.status).toBe(409);
      expect(answer.body.code).toBe('round.closed');
      expect((await db.query(`SELECT count(*)::int AS n FROM score_sheets WHERE assignment_id = $1`, [assignmentId])).rows[0].n).toBe(0);
    } finally {
      await db.query('ROLLBACK').catch(() => undefined);
      await db.end();
    }
  });

  it(`signs in with ${SIGN_IN} statements, ${SIGN_IN_FAILED} for a wrong password`, async () => {
    let answer: { status: number; body: any } | undefined;
    const body = { email: 'organizer@demo.laurel', password: 'laurel-demo' };
    const signedIn = await counter.during(async () => (answer = await http.post('/api/auth/login', body)));
    expect(answer?.status).toBe(200);
    expect(signedIn).toHaveLength(SIGN_IN);
    // Before the hash: the client address's count, then the account read with its wait and failure count.
    expect(signedIn[0]).toMatch(/^\s*INSERT INTO "?throttles/i);
    expect(signedIn[1]).toMatch(/FROM \(VALUES \(1\)\) AS one[\s\S]*JOIN users[\s\S]*JOIN throttles/);
    expect(signedIn[2]).toMatch(/INSERT INTO audit_events/);

    const failed = await counter.during(
      async () => (answer = await http.post('/api/auth/login', { ...body, password: 'not-the-password' })),
    );
    expect(answer?.status).toBe(401);
    expect(failed).toHaveLength(SIGN_IN_FAILED);
    // A success after a failure clears the account's count.
    expect(await counter.during(() => http.post('/api/auth/login', body))).toHaveLength(SIGN_IN + 2);
  });
});

/** Waits until a statement on this test's database waits for a lock (at most 20 s). */
async function waitForLockWait(url: string): Promise<void> {
  const probe = new Client({ connectionString: url });
  await probe.connect();
  try {
    for (let i = 0; i < 200; i++) {
      const { rows } = await probe.query(
        `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = current_database()`,
      );
      if (rows[0].n > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the save never waited for the round lock');
  } finally {
    await probe.end();
  }
}
