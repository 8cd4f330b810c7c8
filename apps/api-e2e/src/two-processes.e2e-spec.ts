import { Client } from 'pg';
import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';
import { createJudgingContest, insertEntries, scoreAndSubmit } from './support/judging-fixtures';

/**
 * Two API processes on one database, as behind a load balancer: judges submit through either,
 * the organizer's clicks land on both at once, and the result is one consistent state.
 */
describe('two API processes on one database', () => {
  let databaseUrl: string;
  let first: ApiProcess;
  let second: ApiProcess;

  beforeAll(async () => {
    databaseUrl = await createDatabase();
    expect((await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: databaseUrl })).code).toBe(0);
    const env = { JWT_SECRET: 'two-processes-secret-two-processes-0123' };
    first = await startApi(env, databaseUrl);
    second = await startApi(env, databaseUrl);
  });
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
  });

  it('turns concurrent submissions, awards and publication into one consistent result', async () => {
    const a = new Http(first.url);
    const b = new Http(second.url);
    const organizer = await a.login('organizer@demo.laurel');
    const judgeEmails = ['judge1@demo.laurel', 'judge2@demo.laurel', 'judge3@demo.laurel'];
    const contest = await createJudgingContest(a, organizer, {
      rounds: [{ name: 'Final', panel: 'complete' }],
      judges: judgeEmails.map((email) => ({ email, displayName: email })),
    });
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      await insertEntries(
        db,
        contest,
        ['Alpha', 'Beta', 'Gamma', 'Delta'].map((title) => ({
          title,
          organization: `${title} JSC`,
          members: [{ name: `${title} founder`, role: 'CEO' }],
        })),
      );
      const round = contest.rounds[0].id;
      expect((await a.post(`/api/rounds/${round}/open`, {}, organizer)).status).toBe(200);
      expect((await b.post(`/api/rounds/${round}/assignments/auto`, {}, organizer)).status).toBe(200);

      // Every judge scores every entry; sheets go alternately through the two processes, all at once.
      const work: Promise<void>[] = [];
      for (const [j, email] of judgeEmails.entries()) {
        const token = await a.login(email);
        const mine = (await a.get('/api/me/assignments', token)).body as { id: string; roundId: string; entry: { title: string } }[];
        for (const [i, assignment] of mine.filter((m) => m.roundId === round).entries()) {
          const fraction = { Alpha: 0.9, Beta: 0.7, Gamma: 0.5, Delta: 0.3 }[assignment.entry.title] ?? 0.5;
          work.push(scoreAndSubmit((i + j) % 2 ? a : b, token, assignment.id, fraction));
        }
      }
      await Promise.all(work);
      const [{ submitted }] = (
        await db.query(`SELECT count(*)::int AS submitted FROM score_sheets WHERE round_id = $1 AND status = 'submitted'`, [round])
      ).rows;
      expect(submitted).toBe(12);
      expect((await b.post(`/api/rounds/${round}/close`, {}, organizer)).status).toBe(200);

      // The organizer's confirmation arrives twice, once at each process, at the same moment.
      const proposal = await a.get(`/api/contests/${contest.id}/awards/proposal`, organizer);
      expect(proposal.status).toBe(200);
      const awards = proposal.body.lines
        .filter((l: { entryId?: string }) => l.entryId)
        .map((l: { tier: string; entryId: string }) => ({ tier: l.tier, entryId: l.entryId }));
      expect(awards).toHaveLength(1);
      const confirmations = await Promise.all([a, b].map((http) => http.post(`/api/contests/${contest.id}/awards`, { awards }, organizer)));
      expect(confirmations.map((c) => c.status).every((s) => s === 200 || s === 201 || s === 409)).toBe(true);
      const stored = (await db.query(`SELECT tier, entry_id FROM awards WHERE contest_id = $1`, [contest.id])).rows;
      expect(stored).toEqual([{ tier: 'first', entry_id: awards[0].entryId }]);

      // The council (the final round's three judges) approves through both processes at once;
      // ⌈2/3 · 3⌉ = 2 approvals are needed, all three count.
      const approvals = await Promise.all(
        judgeEmails.map(async (email, i) =>
          (i % 2 ? a : b).post(`/api/contests/${contest.id}/awards/approvals`, { decision: 'approve' }, await a.login(email)),
        ),
      );
      expect(approvals.map((r) => r.status)).toEqual([200, 200, 200]);
      expect((await a.get(`/api/contests/${contest.id}/awards/approvals`, organizer)).body.tally).toMatchObject({
        members: 3,
        approvals: 3,
        reached: true,
      });

      // Publishing twice at once publishes once.
      const publications = await Promise.all([a, b].map((http) => http.post(`/api/contests/${contest.id}/publish`, {}, organizer)));
      expect(publications.map((p) => p.status).sort()).toEqual([200, 409]);
      const events = (
        await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE contest_id = $1 AND action = 'contest.published'`, [contest.id])
      ).rows;
      expect(events[0].n).toBe(1);

      // And the audit chain written by both processes is whole.
      expect((await b.get('/api/audit/verify', await b.login('admin@demo.laurel'))).body).toMatchObject({ valid: true });
      const winner = await a.get(
        `/api/public/contests/${(await db.query('SELECT slug FROM contests WHERE id = $1', [contest.id])).rows[0].slug}/results`,
      );
      expect(winner.status).toBe(200);
    } finally {
      await db.end();
    }
  }, 180_000);
});
