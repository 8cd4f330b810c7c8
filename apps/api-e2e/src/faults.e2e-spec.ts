import { type ChildProcess, fork } from 'node:child_process';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { runNode, startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';
import { createJudgingContest, insertEntries } from './support/judging-fixtures';

const root = resolve(__dirname, '../../..');

/** A PostgreSQL of this test's own, which it can restart without disturbing the other tests. */
function startOwnPostgres(): Promise<{ url: string; child: ChildProcess; restart: () => Promise<number> }> {
  const child = fork(join(root, 'tools/scripts/pg-server.mjs'), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolveStart, reject) => {
    child.once('error', reject);
    child.once('message', (message: { type: string; url: string }) => {
      resolveStart({
        url: message.url,
        child,
        restart: () =>
          new Promise((resolveRestart) => {
            child.once('message', (m: { downMs: number }) => resolveRestart(m.downMs));
            child.send('restart');
          }),
      });
    });
  });
}

describe('faults', () => {
  let pg: Awaited<ReturnType<typeof startOwnPostgres>>;
  let api: ApiProcess;

  jest.setTimeout(180_000);

  beforeAll(async () => {
    pg = await startOwnPostgres();
    expect((await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: pg.url })).code).toBe(0);
    api = await startApi({}, pg.url);
  });
  afterAll(async () => {
    await api?.stop();
    if (pg) await new Promise((r) => pg.child.once('exit', r).send('stop'));
  });

  it('stays up while PostgreSQL restarts under judges submitting sheets, and no sheet is half written', async () => {
    const http = new Http(api.url);
    const organizer = await http.login('organizer@demo.laurel');
    const judgeEmails = ['judge1@demo.laurel', 'judge2@demo.laurel', 'judge3@demo.laurel'];
    const contest = await createJudgingContest(http, organizer, {
      rounds: [{ name: 'Pitch day', panel: 'complete' }],
      judges: judgeEmails.map((email) => ({ email, displayName: email })),
    });
    const db = new Client({ connectionString: pg.url });
    await db.connect();
    // Organizations of their own and no members' e-mails: no conflicts with the demo judges.
    await insertEntries(
      db,
      contest,
      Array.from({ length: 12 }, (_, i) => ({
        title: `Entry ${i + 1}`,
        organization: `Startup ${i + 1}`,
        members: [{ name: `Founder ${i + 1}`, role: 'CEO' }],
      })),
    );
    await db.end();
    const round = contest.rounds[0];
    expect((await http.post(`/api/rounds/${round.id}/open`, {}, organizer)).status).toBe(200);
    expect((await http.post(`/api/rounds/${round.id}/assignments/auto`, {}, organizer)).status).toBe(200);

    const failures: { at: number; status: number }[] = [];
    let restartWindow: [number, number] = [0, 0];
    let restartOver = false;

    /** A judge's console: save then submit each sheet, retrying after a failure as the page does. */
    const sessions = await Promise.all(
      judgeEmails.map(async (email) => {
        const token = await http.login(email);
        const mine = (await http.get('/api/me/assignments', token)).body as { id: string; roundId: string }[];
        return { token, mine };
      }),
    );
    const scores = round.criteria.map((c, i) => ({ criterionId: c.id, value: Math.min(c.maxScore, 1 + i) }));
    /**
     * A judge typing on a sheet: an autosave every 50 ms until the restart is over. A save and a
     * submit take two statements each, so the twelve sheets alone can be done before PostgreSQL
     * goes down; typing keeps requests in flight for the whole restart, as on a real pitch day.
     */
    async function keepTyping(assignmentId: string, token: string): Promise<void> {
      while (!restartOver) {
        const saved = await http
          .request('PUT', `/api/assignments/${assignmentId}/sheet`, { body: { scores }, token })
          .catch(() => ({ status: 0 }) as const);
        if (saved.status !== 200) failures.push({ at: Date.now(), status: saved.status });
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    async function judge({ token, mine }: (typeof sessions)[number]): Promise<number> {
      let submitted = 0;
      for (const [index, assignment] of mine.filter((a) => a.roundId === round.id).entries()) {
        if (index === 1) await keepTyping(assignment.id, token);
        for (let attempt = 0; attempt < 60; attempt++) {
          const saved = await http
            .request('PUT', `/api/assignments/${assignment.id}/sheet`, { body: { scores }, token })
            .catch(() => ({ status: 0 }) as const);
          const done =
            saved.status === 200
              ? await http.post(`/api/assignments/${assignment.id}/submit`, {}, token).catch(() => ({ status: 0 }) as const)
              : saved;
          if (done.status === 200) {
            submitted++;
            break;
          }
          // Already submitted by the attempt whose answer was lost in the restart.
          if (done.status === 409) {
            submitted++;
            break;
          }
          failures.push({ at: Date.now(), status: done.status });
          await new Promise((r) => setTimeout(r, 250));
        }
      }
      return submitted;
    }

    const judging = Promise.all(sessions.map(judge));
    await new Promise((r) => setTimeout(r, 300));
    const down = Date.now();
    await pg.restart();
    restartWindow = [down, Date.now()];
    restartOver = true;
    const submitted = await judging;

    // Every sheet got submitted in the end, and the API process never went down.
    expect(submitted).toEqual([12, 12, 12]);
    expect(api.process.exitCode).toBeNull();
    expect((await http.get('/api/health')).body).toEqual({ status: 'ok', db: 'up' });
    const unexpected = failures.filter((f) => f.status !== 503 && f.status !== 0);
    if (unexpected.length > 0) {
      // Say what the API logged, so a new kind of connection error can be recognised.
      console.log(
        api
          .output()
          .split('\n')
          .filter((line) => line.includes('"level":50'))
          .slice(0, 5)
          .join('\n'),
      );
    }
    // The restart did hit work in flight (else this test would prove nothing)...
    expect(failures.length).toBeGreaterThan(0);
    // ...and refusals happened only around the restart, and were 503s saying to retry, not crashes.
    for (const failure of failures) {
      expect(failure.at).toBeGreaterThanOrEqual(restartWindow[0] - 1000);
      expect(failure.at).toBeLessThanOrEqual(restartWindow[1] + 10_000);
      expect([503, 0]).toContain(failure.status);
    }
    // No half writes: every submitted sheet has every criterion's score and a total.
    const check = new Client({ connectionString: pg.url });
    await check.connect();
    const { rows } = await check.query(
      `SELECT s.id, s.total, (SELECT count(*)::int FROM scores c WHERE c.sheet_id = s.id) AS scores
         FROM score_sheets s WHERE s.round_id = $1 AND s.status = 'submitted'`,
      [round.id],
    );
    await check.end();
    expect(rows).toHaveLength(36);
    expect(rows.filter((r) => r.scores !== round.criteria.length || r.total === null)).toEqual([]);
  }, 180_000);
});
