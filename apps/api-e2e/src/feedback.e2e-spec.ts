import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';
import { type BuiltContest, type BuiltEntry, type BuiltJudge, ResultsFixture, twoRounds } from './support/results-fixtures';

/**
 * Feedback for applicants over HTTP. Rubric of both rounds: Innovation and Market, weight 1,
 * max 10 each, so T = 100 · (v1/10 + v2/10) / 2 = 5 · (v1 + v2).
 *
 * Screening (blind, ranked overall), judges J1, J2, J3 in that order of submission:
 *   A (Doanh nghiệp)  J1 (8, 6) → 70   J2 (9, 7) → 80   J3 (7, 5) → 60   mean 70, Innovation 8, Market 6
 *   B (Doanh nghiệp)  J1 (6, 6) → 60   J2 (6, 4) → 50   J3 (6, 5) → 55   mean 55, Innovation 6, Market 5
 *   C (Sinh viên)     J1 (5, 5) → 50   J2 (4, 4) → 40   J3 (6, 6) → 60   mean 50, Innovation 5, Market 5
 * Ranks A 1, B 2, C 3 of 3; the top 2 advance. Category "Doanh nghiệp" averages: Innovation
 * (8 + 6) / 2 = 7, Market (6 + 5) / 2 = 5.5.
 * Final: A (9, 9) → 90 from every judge, B (7, 7) → 70: A first.
 * Comments on A's screening sheets: J1 a public Innovation comment, an internal Market comment
 * and a public overall comment; J2 an internal overall comment only; J3 none.
 */
describe('feedback for applicants after publication', () => {
  let api: ApiProcess;
  let http: Http;
  let organizer: string;
  let fixture: ResultsFixture;
  let contest: BuiltContest;
  let entries: Record<'A' | 'B' | 'C', BuiltEntry>;
  let judges: [BuiltJudge, BuiltJudge, BuiltJudge];
  const internal = ['Nội bộ: nghi ngờ số liệu thị trường', 'Chỉ ban tổ chức được đọc'];

  async function sheet(
    judge: BuiltJudge,
    round: BuiltContest['rounds'][number],
    entry: BuiltEntry,
    v: [number, number],
    comments: Record<string, unknown> = {},
  ) {
    const assignmentId = await fixture.assignment(judge, round.id, entry.id);
    const body = {
      scores: [
        { criterionId: round.criteria.get('Innovation'), value: v[0], ...((comments['innovation'] as object) ?? {}) },
        { criterionId: round.criteria.get('Market'), value: v[1], ...((comments['market'] as object) ?? {}) },
      ],
      ...((comments['sheet'] as object) ?? {}),
    };
    const saved = await http.request('PUT', `/api/assignments/${assignmentId}/sheet`, { body, token: judge.token });
    expect(saved.status).toBe(200);
    expect((await http.post(`/api/assignments/${assignmentId}/submit`, {}, judge.token)).status).toBe(200);
    return saved.body;
  }

  beforeAll(async () => {
    const url = await createDatabase();
    expect((await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: url })).code).toBe(0);
    api = await startApi({}, url);
    http = new Http(api.url);
    organizer = await http.login('organizer@demo.laurel');
    fixture = new ResultsFixture(http, organizer);
    const rubric = [
      { name: 'Innovation', weight: 1, maxScore: 10 },
      { name: 'Market', weight: 1, maxScore: 10 },
    ];
    contest = await fixture.contest({
      categories: ['Doanh nghiệp', 'Sinh viên'],
      prizes: [{ tier: 'first', count: 1, amount: 50_000_000, currency: 'VND' }],
      rounds: [
        { name: 'Sơ khảo', order: 1, blind: true, criteria: rubric },
        { name: 'Chung khảo', order: 2, criteria: rubric },
      ],
    });
    entries = {
      A: await fixture.entry(contest, { title: 'Nông nghiệp thông minh', teamName: 'AgriViệt', category: 'Doanh nghiệp' }),
      B: await fixture.entry(contest, { title: 'Cảng xanh', teamName: 'GreenHarbor', category: 'Doanh nghiệp' }),
      C: await fixture.entry(contest, { title: 'Cảm biến nước', teamName: 'AquaSense', category: 'Sinh viên' }),
    };
    for (const entry of Object.values(entries)) await fixture.eligibility(entry.id, true);
    await fixture.status(contest.id, 'closed');
    await fixture.status(contest.id, 'judging');
    judges = [
      await fixture.judge(contest.id, 'Giám khảo Tên Thật Một'),
      await fixture.judge(contest.id, 'Giám khảo Tên Thật Hai'),
      await fixture.judge(contest.id, 'Giám khảo Tên Thật Ba'),
    ];

    const [screening, final] = twoRounds(contest);
    await fixture.openRound(screening.id);
    const first = await sheet(judges[0], screening, entries.A, [8, 6], {
      innovation: { comment: 'Ý tưởng mới, có thể mở rộng' },
      market: { comment: internal[0], commentInternal: true },
      sheet: { comment: 'Cần làm rõ quy mô thị trường' },
    });
    // The judge's own page keeps the internal mark.
    expect(first.scores.map((s: any) => s.commentInternal)).toEqual([false, true]);
    await sheet(judges[0], screening, entries.B, [6, 6]);
    await sheet(judges[0], screening, entries.C, [5, 5]);
    await sheet(judges[1], screening, entries.A, [9, 7], { sheet: { comment: internal[1], commentInternal: true } });
    await sheet(judges[1], screening, entries.B, [6, 4]);
    await sheet(judges[1], screening, entries.C, [4, 4]);
    await sheet(judges[2], screening, entries.A, [7, 5]);
    await sheet(judges[2], screening, entries.B, [6, 5]);
    await sheet(judges[2], screening, entries.C, [6, 6]);
    await fixture.closeRound(screening.id);
    expect((await http.post(`/api/rounds/${screening.id}/advance`, { top: 2 }, organizer)).status).toBe(200);
    await fixture.openRound(final.id);
    for (const judge of judges) {
      await sheet(judge, final, entries.A, [9, 9], { sheet: { comment: 'Xuất sắc' } });
      await sheet(judge, final, entries.B, [7, 7]);
    }
    await fixture.closeRound(final.id);
    expect(
      (await http.post(`/api/contests/${contest.id}/awards`, { awards: [{ tier: 'first', entryId: entries.A.id }] }, organizer)).status,
    ).toBe(200);
    await fixture.approve(contest.id, judges.slice(0, 2));
    const current = await http.get(`/api/contests/${contest.id}`, organizer);
    const settings = await http.request('PATCH', `/api/contests/${contest.id}`, {
      body: { version: current.body.version, feedback: { showComments: true } },
      token: organizer,
    });
    expect(settings.status).toBe(200);
    expect(settings.body.feedback).toEqual({ enabled: true, showCriterionMeans: true, showCategoryAverage: true, showComments: true });
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
  });

  it('answers 404 before publication, even to the owner', async () => {
    const early = await http.get(`/api/entries/${entries.A.id}/feedback`, entries.A.ownerToken);
    expect(early.status).toBe(404);
    expect(early.body.code).toBe('feedback.not_available');
    expect((await http.post(`/api/contests/${contest.id}/publish`, {}, organizer)).status).toBe(200);
  });

  it("gives the owner each round's score and rank, criterion means against the category, and signed comments", async () => {
    const { status, body } = await http.get(`/api/entries/${entries.A.id}/feedback`, entries.A.ownerToken);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      entryId: entries.A.id,
      code: entries.A.code,
      categoryName: 'Doanh nghiệp',
      award: { tier: 'first', prizeAmount: 50_000_000, currency: 'VND' },
    });
    const [screening, final] = body.rounds;
    expect(screening).toMatchObject({ roundName: 'Sơ khảo', rank: 1, rankedEntries: 3, rankScope: 'overall', outcome: 'advanced' });
    expect(screening.score).toBeCloseTo(70, 9);
    const criterion = (name: string) => screening.criteria.find((c: any) => c.name === name);
    expect(criterion('Innovation').mean).toBeCloseTo(8, 9);
    expect(criterion('Innovation').categoryAverage).toBeCloseTo(7, 9);
    expect(criterion('Market').mean).toBeCloseTo(6, 9);
    expect(criterion('Market').categoryAverage).toBeCloseTo(5.5, 9);
    expect(screening.comments).toEqual([
      { judgeNumber: 1, criterionName: 'Innovation', text: 'Ý tưởng mới, có thể mở rộng' },
      { judgeNumber: 1, criterionName: null, text: 'Cần làm rõ quy mô thị trường' },
    ]);
    expect(final).toMatchObject({ roundName: 'Chung khảo', rank: 1, rankedEntries: 2 });
    expect(final.score).toBeCloseTo(90, 9);
    // The same judge keeps the same number in the final: J1, J2, J3 are judges 1, 2 and 3.
    expect(final.comments.map((c: any) => c.judgeNumber)).toEqual([1, 2, 3]);
    expect(final.comments.every((c: any) => c.text === 'Xuất sắc')).toBe(true);

    const text = JSON.stringify(body);
    for (const secret of internal) expect(text).not.toContain(secret);
    for (const judge of judges) {
      expect(text).not.toContain(judge.id);
      expect(text).not.toContain(judge.email);
      expect(text).not.toContain(judge.displayName);
    }
    expect(text).not.toMatch(/judgeId|email|displayName/);
  });

  it('shows an eliminated entry its one round, ranked in the whole round', async () => {
    const { status, body } = await http.get(`/api/entries/${entries.C.id}/feedback`, entries.C.ownerToken);
    expect(status).toBe(200);
    expect(body.award).toBeNull();
    expect(body.rounds).toHaveLength(1);
    expect(body.rounds[0]).toMatchObject({ rank: 3, rankedEntries: 3, outcome: 'eliminated', comments: [] });
    expect(body.rounds[0].criteria.find((c: any) => c.name === 'Innovation').categoryAverage).toBeCloseTo(5, 9);
  });

  it("is nobody else's: another team, the organizer and a judge get 404", async () => {
    for (const token of [entries.B.ownerToken, organizer, judges[0].token]) {
      expect((await http.get(`/api/entries/${entries.A.id}/feedback`, token)).status).toBe(404);
    }
    expect((await http.get(`/api/entries/not-a-uuid/feedback`, entries.A.ownerToken)).status).toBe(404);
  });

  it("follows the organizer's choices: no comments, no averages, or no feedback at all", async () => {
    const patch = async (feedback: Record<string, boolean>) => {
      const current = await http.get(`/api/contests/${contest.id}`, organizer);
      const changed = await http.request('PATCH', `/api/contests/${contest.id}`, {
        body: { version: current.body.version, feedback },
        token: organizer,
      });
      expect(changed.status).toBe(200);
    };
    await patch({ showComments: false, showCategoryAverage: false });
    const plain = (await http.get(`/api/entries/${entries.A.id}/feedback`, entries.A.ownerToken)).body;
    expect(plain).toMatchObject({ showComments: false, showCategoryAverage: false, showCriterionMeans: true });
    expect(plain.rounds[0].comments).toEqual([]);
    expect(plain.rounds[0].criteria.every((c: any) => c.categoryAverage === null && c.mean !== null)).toBe(true);
    await patch({ enabled: false });
    expect((await http.get(`/api/entries/${entries.A.id}/feedback`, entries.A.ownerToken)).status).toBe(404);
    await patch({ enabled: true, showComments: true, showCategoryAverage: true });
  });
});
