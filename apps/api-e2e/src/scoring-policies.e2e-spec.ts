import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { known } from '@laurel/domain';
import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';
import { type BuiltContest, type BuiltEntry, type BuiltJudge, ResultsFixture, twoRounds } from './support/results-fixtures';
import { sheetValuesOutOfStep } from './support/judging-fixtures';

/**
 * The contest's own rules over HTTP: divergence review on submit, advancement gates with a tie
 * at the top boundary, and the noZeroCriterion prize gate.
 *
 * Rubric: Idea (weight 50, max 10), Team (50, max 10), so T = 5·v1 + 5·v2.
 * Screening round: assigned panel, 2 judges per entry out of 4, divergenceThreshold 20,
 * maxExtraJudges 1.
 *   P: first judge (8, 8) → 80, second (6, 6) → 60: difference exactly 20 → one more judge,
 *      who gives (10, 10) → 100; the difference is then 40 but maxExtraJudges is reached.
 *      Mean (80 + 60 + 100) / 3 = 80.
 *   Q, R: both judges (7.05, 7) → 70.25: a complete tie (no head-to-head, equal medians).
 *   S: both judges (10, 0) → 50, Team mean 0.
 *   Ranking: P 1st 80; Q and R 2nd 70.25; S 4th 50.
 * Advance {top: 2, minScore: 50, noZeroCriterion}: S fails zero_criterion; passing P, Q, R; the
 * 2nd place is shared by Q and R, so the tie crosses the boundary and all three go, beyondTop 1.
 * Final round (complete panel, the 4 judges): P (10, 8) → 90; Q (10, 0) → 50, Team mean 0;
 * R (4, 4) → 40. Prizes first, second, third with noZeroCriterion: first P, second R (Q skipped
 * for zero_criterion), third not awarded.
 */
describe('scoring policies: divergence review, advancement gates, prize gates', () => {
  let api: ApiProcess;
  let http: Http;
  let db: Client;
  let organizer: string;
  let fixture: ResultsFixture;
  let contest: BuiltContest;
  let entries: Record<'P' | 'Q' | 'R' | 'S', BuiltEntry>;
  let judges: BuiltJudge[];
  let screening: BuiltContest['rounds'][number];
  let final: BuiltContest['rounds'][number];
  const rubric = [
    { name: 'Idea', weight: 50, maxScore: 10 },
    { name: 'Team', weight: 50, maxScore: 10 },
  ];
  const sheet = (idea: number, team: number) => ({ Idea: idea, Team: team });
  const judgesOf = async (entry: BuiltEntry) =>
    (
      await db.query(`SELECT judge_id FROM assignments WHERE round_id = $1 AND entry_id = $2 ORDER BY created_at, judge_id`, [
        screening.id,
        entry.id,
      ])
    ).rows.map((r) =>
      known(
        judges.find((j) => j.id === r.judge_id),
        `the judge ${r.judge_id} of the fixture`,
      ),
    );

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
      categories: ['Doanh nghiệp'],
      prizes: [
        { tier: 'first', count: 1 },
        { tier: 'second', count: 1 },
        { tier: 'third', count: 1 },
      ],
      noZeroCriterion: true,
      rounds: [
        { name: 'Sơ khảo', order: 1, panel: 'assigned', judgesPerEntry: 2, divergenceThreshold: 20, maxExtraJudges: 1, criteria: rubric },
        { name: 'Chung khảo', order: 2, criteria: rubric },
      ],
    });
    [screening, final] = twoRounds(contest);
    entries = {
      P: await fixture.entry(contest, { title: 'Dự án P', teamName: 'Đội P', category: 'Doanh nghiệp' }),
      Q: await fixture.entry(contest, { title: 'Dự án Q', teamName: 'Đội Q', category: 'Doanh nghiệp' }),
      R: await fixture.entry(contest, { title: 'Dự án R', teamName: 'Đội R', category: 'Doanh nghiệp' }),
      S: await fixture.entry(contest, { title: 'Dự án S', teamName: 'Đội S', category: 'Doanh nghiệp' }),
    };
    for (const entry of Object.values(entries)) await fixture.eligibility(entry.id, true);
    await fixture.status(contest.id, 'closed');
    await fixture.status(contest.id, 'judging');
    judges = [];
    for (const name of ['Một', 'Hai', 'Ba', 'Bốn']) judges.push(await fixture.judge(contest.id, `Giám khảo ${name}`));
    await fixture.openRound(screening.id);
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await api?.stop();
  });

  it('shows the contest prize gate and the round divergence settings', async () => {
    const { body } = await http.get(`/api/contests/${contest.id}`, organizer);
    expect(body.noZeroCriterion).toBe(true);
    expect(body.rounds[0]).toMatchObject({ divergenceThreshold: 20, maxExtraJudges: 1 });
    expect(body.rounds[1]).toMatchObject({ divergenceThreshold: null, maxExtraJudges: 1 });
  });

  it('assigns one more judge when two totals differ by exactly the threshold, in the submit transaction', async () => {
    const assigned = await judgesOf(entries.P);
    const first = known(assigned[0], 'the first judge of P');
    const second = known(assigned[1], 'the second judge of P');
    await fixture.score(first, screening, entries.P.id, sheet(8, 8));
    expect(await judgesOf(entries.P)).toHaveLength(2);
    await fixture.score(second, screening, entries.P.id, sheet(6, 6));
    const panel = await judgesOf(entries.P);
    expect(panel).toHaveLength(3);
    const extra = known(panel[2], 'the extra judge of P');
    expect([first.id, second.id]).not.toContain(extra.id);
    const marked = await db.query(`SELECT judge_id FROM assignments WHERE round_id = $1 AND entry_id = $2 AND divergence_extra`, [
      screening.id,
      entries.P.id,
    ]);
    expect(marked.rows.map((r) => r.judge_id)).toEqual([extra.id]);
    const audit = await db.query(`SELECT payload FROM audit_events WHERE contest_id = $1 AND action = 'divergence.extra_judge'`, [
      contest.id,
    ]);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].payload).toMatchObject({ entryId: entries.P.id, judgeId: extra.id, maxDifference: 20, threshold: 20 });
    // The extra judge is mailed through the outbox, written in the same transaction.
    const mailed = await db.query(
      `SELECT template FROM mail_outbox WHERE lower(to_address) = lower($1) AND template = 'extra_assignment'`,
      [extra.email],
    );
    expect(mailed.rows).toHaveLength(1);

    // The extra judge sees the entry and scores it; 100 − 60 = 40 but maxExtraJudges 1 is reached.
    await fixture.score(extra, screening, entries.P.id, sheet(10, 10));
    expect(await judgesOf(entries.P)).toHaveLength(3);

    const progress = (await http.get(`/api/rounds/${screening.id}/progress`, organizer)).body;
    const coverage = progress.entries.find((e: any) => e.entryId === entries.P.id);
    expect(coverage).toMatchObject({ divergent: true, maxDifference: 40, submitted: 3 });
    expect(progress.matrix.cells.filter((c: any) => c.entryId === entries.P.id && c.divergenceExtra).map((c: any) => c.judgeId)).toEqual([
      extra.id,
    ]);
  });

  it('adds nobody when the totals are within the threshold', async () => {
    for (const key of ['Q', 'R'] as const) {
      for (const judge of await judgesOf(entries[key])) await fixture.score(judge, screening, entries[key].id, sheet(7.05, 7));
    }
    for (const judge of await judgesOf(entries.S)) await fixture.score(judge, screening, entries.S.id, sheet(10, 0));
    for (const key of ['Q', 'R', 'S'] as const) expect(await judgesOf(entries[key])).toHaveLength(2);
  });

  it('carries judgeScore and divergence in the results', async () => {
    await fixture.closeRound(screening.id);
    const { body } = await http.get(`/api/rounds/${screening.id}/results`, organizer);
    const tied = [entries.Q.id, entries.R.id].sort();
    expect(body.entries.map((e: any) => [e.entryId, e.rank, e.settledBy])).toEqual([
      [entries.P.id, 1, 'score'],
      [tied[0], 2, 'tie'],
      [tied[1], 2, 'tie'],
      [entries.S.id, 4, 'score'],
    ]);
    const p = body.entries.find((e: any) => e.entryId === entries.P.id);
    expect(p.score).toBeCloseTo(80, 9);
    expect(p.judgeScore).toBe(p.score);
    expect(p.votes).toBeUndefined();
    expect(p.divergence.maxDifference).toBeCloseTo(40, 9);
    expect(p.divergence.flagged).toBe(true);
    expect(p.divergence.extraJudges).toHaveLength(1);
    expect(body.entries.find((e: any) => e.entryId === entries.Q.id).divergence).toEqual({
      maxDifference: 0,
      extraJudges: [],
      flagged: false,
    });
  });

  it('writes the largest gap and the extra judge into the results workbook', async () => {
    const response = await fetch(`${api.url}/api/contests/${contest.id}/export.xlsx`, {
      headers: { authorization: `Bearer ${organizer}` },
    });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as any);
    const ranking = workbook.getWorksheet('Xếp hạng Sơ khảo') as ExcelJS.Worksheet;
    const header = (ranking.getRow(1).values as unknown[]).slice(1);
    const column = (name: string) => header.indexOf(name) + 1;
    expect(column('Chênh lệch lớn nhất')).toBeGreaterThan(0);
    const rowOf = (code: string) => {
      for (let r = 2; r <= ranking.actualRowCount; r++) if (ranking.getRow(r).getCell(2).value === code) return ranking.getRow(r);
      throw new Error(`no row for ${code}`);
    };
    const extra = known((await judgesOf(entries.P))[2], 'the extra judge of P');
    expect(rowOf(entries.P.code).getCell(column('Chênh lệch lớn nhất')).value as number).toBeCloseTo(40, 9);
    expect(rowOf(entries.P.code).getCell(column('Giám khảo chấm thêm')).value).toBe(extra.displayName);
    expect(String(rowOf(entries.P.code).getCell(column('Ghi chú phân định')).value)).toContain('ngưỡng chênh lệch');
    expect(rowOf(entries.Q.code).getCell(column('Giám khảo chấm thêm')).value).toBeNull();
  });

  it('previews the advancement gates, then advances the whole tie at the top boundary', async () => {
    const gates = { top: 2, minScore: 50, noZeroCriterion: true };
    const preview = await http.post(`/api/rounds/${screening.id}/advance`, { ...gates, preview: true }, organizer);
    expect(preview.status).toBe(200);
    const decision = (entry: BuiltEntry) => preview.body.decisions.find((d: any) => d.entryId === entry.id);
    expect(decision(entries.P)).toMatchObject({ advances: true, failed: [], tiedAtTop: false });
    expect(decision(entries.Q)).toMatchObject({ advances: true, failed: [], tiedAtTop: true });
    expect(decision(entries.R)).toMatchObject({ advances: true, failed: [], tiedAtTop: true });
    expect(decision(entries.S)).toMatchObject({ advances: false, failed: ['zero_criterion'] });
    expect(preview.body.ties).toEqual([{ categoryId: null, rank: 2, entryIds: [entries.Q.id, entries.R.id].sort(), beyondTop: 1 }]);
    expect((await db.query(`SELECT count(*)::int AS n FROM round_entries WHERE round_id = $1`, [final.id])).rows[0].n).toBe(0);

    const done = await http.post(`/api/rounds/${screening.id}/advance`, gates, organizer);
    expect(done.status).toBe(200);
    expect(done.body.preview).toBe(false);
    expect(done.body.advanced.map((e: any) => e.entryId).sort()).toEqual([entries.P.id, entries.Q.id, entries.R.id].sort());
    expect(done.body.eliminated).toBe(1);
    const audit = await db.query(`SELECT payload FROM audit_events WHERE contest_id = $1 AND action = 'round.advanced'`, [contest.id]);
    expect(audit.rows[0].payload.gates).toEqual({ top: 2, minScore: 50, noZeroCriterion: true });
  });

  it('says why nobody advances when the gates leave no one', async () => {
    const refused = await http.post(`/api/rounds/${screening.id}/advance`, { minScore: 99 }, organizer);
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain('below 99');
  });

  it('skips an entry with a criterion mean of 0 in the prize proposal and says why', async () => {
    await fixture.openRound(final.id);
    for (const judge of judges) {
      await fixture.score(judge, final, entries.P.id, sheet(10, 8));
      await fixture.score(judge, final, entries.Q.id, sheet(10, 0));
      await fixture.score(judge, final, entries.R.id, sheet(4, 4));
    }
    await fixture.closeRound(final.id);
    const { status, body } = await http.get(`/api/contests/${contest.id}/awards/proposal`, organizer);
    expect(status).toBe(200);
    expect(body.noZeroCriterion).toBe(true);
    expect(body.lines.map((l: any) => [l.tier, l.entryId ?? null, l.notAwarded ?? false])).toEqual([
      ['first', entries.P.id, false],
      ['second', entries.R.id, false],
      ['third', null, true],
    ]);
    expect(body.skipped).toEqual([
      {
        entryId: entries.Q.id,
        code: entries.Q.code,
        title: 'Dự án Q',
        categoryId: entries.Q.categoryId,
        rank: 2,
        score: 50,
        reasons: ['zero_criterion'],
      },
    ]);
  });

  it('stores every submitted sheet’s values as its score rows hold them, divergence review’s submits included', async () => {
    const values = await sheetValuesOutOfStep(db);
    expect(values.submitted).toBeGreaterThan(0);
    expect(values.outOfStep).toEqual([]);
  });
});
