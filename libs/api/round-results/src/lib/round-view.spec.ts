import type { EntryAssignmentRow, ResultsRound, RoundRows } from '@laurel/api-database';
import type { RoundResultsView } from '@laurel/contracts';
import { computeRoundResults } from '@laurel/domain';
import { entrySheetsView, holdsVote, parseValues, resultsView, roundInput, snapshotView, withOutcomes } from './round-view';

const ROUND: ResultsRound = {
  id: 'round-1',
  contestId: 'contest-1',
  name: 'Vòng 1',
  order: 1,
  status: 'open',
  panel: 'assigned',
  blind: false,
  aggregation: 'mean',
  trim: 1,
  minSheetsForNormalization: 5,
  rankBy: 'overall',
  priorityCriteria: ['gone', 'c2'],
  spreadThreshold: 10,
  divergenceThreshold: 25,
  judgesPerEntry: 2,
  publicVote: null,
  ownerId: 'owner-1',
  contestStatus: 'judging',
};

// Two criteria of weight 1 (max 10 and max 5); entry A scored by both judges, entry B by J1 only,
// a withdrawn entry W (no longer in the round's entries) by J2.
const ROWS: RoundRows = {
  criteria: [
    { id: 'c1', name: 'Team', weight: 1, maxScore: 10 },
    { id: 'c2', name: 'Market', weight: 1, maxScore: 5 },
  ],
  judges: [
    { id: 'j1', name: 'Lan' },
    { id: 'j2', name: 'Minh' },
  ],
  entries: [
    {
      entryId: 'a',
      code: 'ST-001',
      title: 'Alpha',
      teamName: 'Team A',
      categoryId: null,
      eligible: true,
      outcome: 'pending',
      assigned: 2,
      recused: 0,
      extra: ['j2'],
    },
    {
      entryId: 'b',
      code: 'ST-002',
      title: 'Beta',
      teamName: 'Team B',
      categoryId: null,
      eligible: true,
      outcome: 'advanced',
      assigned: 2,
      recused: 0,
      extra: null,
    },
  ],
  sheets: [
    { entryId: 'a', judgeId: 'j1', values: '8,4' },
    { entryId: 'a', judgeId: 'j2', values: '6,2' },
    { entryId: 'b', judgeId: 'j1', values: '10,5' },
    { entryId: 'w', judgeId: 'j2', values: '1,1' },
  ],
};

function view(round = ROUND, rows = ROWS): RoundResultsView {
  return resultsView(round, rows, computeRoundResults(roundInput(round, rows)), new Date('2026-12-05T06:00:00Z'));
}

describe('round rows to the domain', () => {
  it('hands over the covered entries and their sheets in rubric order, as numbers', () => {
    const input = roundInput(ROUND, ROWS);
    expect(input.entries).toEqual([
      { entryId: 'a', categoryId: null },
      { entryId: 'b', categoryId: null },
    ]);
    // W's sheet is left out: the round no longer covers W.
    expect(input.sheets).toEqual([
      { entryId: 'a', judgeId: 'j1', scores: [8, 4] },
      { entryId: 'a', judgeId: 'j2', scores: [6, 2] },
      { entryId: 'b', judgeId: 'j1', scores: [10, 5] },
    ]);
    // A priority criterion deleted from the rubric no longer breaks ties.
    expect(input.priorityCriteria).toEqual(['c2']);
    expect(input.publicVote).toBeUndefined();
  });

  it('leaves out a sheet without any score and hands over one lacking a value without values, for the domain to refuse', () => {
    const input = roundInput(ROUND, {
      ...ROWS,
      sheets: [
        { entryId: 'a', judgeId: 'j1', values: null },
        { entryId: 'a', judgeId: 'j2', values: '6' },
      ],
    });
    expect(input.sheets).toEqual([{ entryId: 'a', judgeId: 'j2', scores: [] }]);
    expect(() => computeRoundResults(input)).toThrow(/no value for criterion c1/);
  });

  it("blends the counted votes only in the round that holds the contest's vote", () => {
    const vote = {
      enabled: true,
      roundId: 'round-1',
      opensAt: '2026-12-01T00:00:00Z',
      closesAt: '2026-12-02T00:00:00Z',
      share: 0.2,
      scope: 'overall' as const,
    };
    const rows: RoundRows = { ...ROWS, entries: ROWS.entries.map((e) => ({ ...e, votes: e.entryId === 'a' ? 30 : 0 })) };
    expect(holdsVote({ ...ROUND, publicVote: vote })).toBe(true);
    expect(holdsVote({ ...ROUND, publicVote: { ...vote, roundId: 'round-2' } })).toBe(false);
    expect(holdsVote({ ...ROUND, publicVote: { ...vote, enabled: false } })).toBe(false);
    // B has no vote: it is absent from the counts, as an entry nobody voted for.
    expect(roundInput({ ...ROUND, publicVote: vote }, rows).publicVote).toEqual({ share: 0.2, scope: 'overall', votes: { a: 30 } });
    expect(roundInput({ ...ROUND, publicVote: { ...vote, roundId: 'round-2' } }, rows).publicVote).toBeUndefined();

    // A: judges 65, votes 30 of the most 30 → voteScore 100; score 0.8 · 65 + 0.2 · 100 = 72.
    // B: judges 100, no vote → 0.8 · 100 + 0.2 · 0 = 80, still first.
    const blended = view({ ...ROUND, publicVote: vote }, rows);
    const [b, a] = blended.entries;
    expect(b).toMatchObject({ entryId: 'b', rank: 1, judgeScore: 100, votes: 0, voteScore: 0 });
    expect(b?.score).toBeCloseTo(80, 12);
    expect(a).toMatchObject({ entryId: 'a', rank: 2, judgeScore: 65, votes: 30, voteScore: 100 });
    expect(a?.score).toBeCloseTo(72, 12);
  });
});

describe(parseValues.name, () => {
  it('reads the values as the database writes them, in order', () => {
    expect(parseValues('8.50,10.00,0.25,7')).toEqual([8.5, 10, 0.25, 7]);
    // An empty field is 0, as Number('') is; a sign or an exponent goes through Number.
    expect(parseValues('')).toEqual([0]);
    expect(parseValues('1e1,-2.5, 3')).toEqual([10, -2.5, 3]);
  });

  it('gives the same double as Number for every value of two decimals up to 1,000', () => {
    // 0.29 · 100 is 28.999999999999996, so dividing the digits (29 / 100) must be what gives 0.29.
    for (let cents = 0; cents <= 100_000; cents++) {
      const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
      const [value] = parseValues(text);
      if (value !== Number(text)) throw new Error(`${text}: ${value} is not ${Number(text)}`);
    }
    expect(parseValues('0.29')).toEqual([0.29]);
  });
});

describe('the results view', () => {
  // A: J1 100 · (8/10 + 4/5) / 2 = 80, J2 100 · (6/10 + 2/5) / 2 = 50 → mean 65.
  // B: J1 100 · (10/10 + 5/5) / 2 = 100 → 100, first.
  const results = view();
  const [b, a] = results.entries;

  it('ranks with the domain and names each entry from its row', () => {
    expect(results.entries.map((e) => [e.entryId, e.rank, e.code, e.title, e.teamName])).toEqual([
      ['b', 1, 'ST-002', 'Beta', 'Team B'],
      ['a', 2, 'ST-001', 'Alpha', 'Team A'],
    ]);
    expect(a).toMatchObject({ score: 65, judgeScore: 65, rawMean: 65, medianTotal: 65, judgeCount: 2, criterionMeans: { c1: 7, c2: 3 } });
    expect(b).toMatchObject({ score: 100, judgeScore: 100, judgeCount: 1, criterionMeans: { c1: 10, c2: 5 } });
    expect(a?.votes).toBeUndefined();
  });

  it('flags divergence and spread against the round thresholds, and counts missing sheets', () => {
    // A's totals differ by 80 − 50 = 30 ≥ 25; its spread, the population std of (80, 50), is 15 > 10.
    expect(a?.divergence).toEqual({ maxDifference: 30, extraJudges: ['j2'], flagged: true });
    expect(a?.spread).toBe(15);
    expect(a?.spreadFlagged).toBe(true);
    // B has one sheet: nothing to differ, spread 0; of its 2 judges 1 did not submit.
    expect(b?.divergence).toEqual({ maxDifference: null, extraJudges: [], flagged: false });
    expect(b?.spreadFlagged).toBe(false);
    expect(a?.missingSheets).toBe(0);
    expect(b?.missingSheets).toBe(1);
  });

  it("gives the judges' leniency their names and the panel's reliability", () => {
    // J1: sheets 80 and 100, mean 90; on A it gave 80 against J2's 50 (+30), B has no other judge.
    // J2: one sheet, 50 against J1's 80: −30.
    expect(results.reliability.judges).toEqual([
      { judgeId: 'j1', name: 'Lan', sheets: 2, mean: 90, leniency: 30 },
      { judgeId: 'j2', name: 'Minh', sheets: 1, mean: 50, leniency: -30 },
    ]);
    // B lacks J2's sheet, so ICC(1,k) over [80, 50] and [100]: grand mean 230/3, MSB = 2·(65 − 230/3)²
    // + (100 − 230/3)² = 816.67, MSW = (15² + 15²)/1 = 450, n0 = (3 − 5/3)/1 = 4/3, k = 3/2:
    // ICC = 1.5 · (816.67 − 450) / (1.5 · 816.67 + (4/3 − 3/2) · 450) = 550 / 1150 = 11/23.
    expect(results.reliability.iccKind).toBe('ICC(1,k)');
    expect(results.reliability.icc).toBeCloseTo(11 / 23, 12);
    expect(results.reliability.kendallW).toBeNull();
    expect(results.reliability.flaggedEntries).toEqual(['a']);
  });

  it('carries the round and the rubric, without outcomes until they are added', () => {
    expect(results).toMatchObject({
      roundId: 'round-1',
      contestId: 'contest-1',
      roundName: 'Vòng 1',
      roundStatus: 'open',
      method: 'mean',
      rankBy: 'overall',
    });
    expect(results.criteria).toEqual(ROWS.criteria);
    expect(results.priorityCriteria).toEqual(['gone', 'c2']);
    expect(results.computedAt).toBe('2026-12-05T06:00:00.000Z');
    expect(results.snapshotAt).toBeNull();
    expect(results.entries.every((e) => e.outcome === undefined)).toBe(true);

    const withTheirs = withOutcomes(results, ROWS.entries);
    expect(withTheirs.entries.map((e) => [e.entryId, e.outcome])).toEqual([
      ['b', 'advanced'],
      ['a', undefined],
    ]);
    expect(withOutcomes(results, [])).toBe(results);
  });
});

describe('a stored snapshot', () => {
  it('answers the stored numbers with the time it was stored, filling the fields older snapshots lack', () => {
    const stored = view({ ...ROUND, status: 'closed' });
    const [first, second] = stored.entries;
    if (!first || !second) throw new Error('two entries expected');
    // Stored before divergence review and the public vote: no judgeScore, no divergence.
    const { judgeScore: _judgeScore, divergence: _divergence, ...old } = second;
    const payload = { ...stored, entries: [first, old] } as unknown as RoundResultsView;
    const answer = snapshotView({ payload, createdAt: new Date('2026-12-05T07:00:00Z') });
    expect(answer.snapshotAt).toBe('2026-12-05T07:00:00.000Z');
    expect(answer.entries[0]).toEqual(first);
    expect(answer.entries[1]).toMatchObject({
      entryId: 'a',
      score: 65,
      judgeScore: 65,
      divergence: { maxDifference: null, extraJudges: [], flagged: false },
    });
  });
});

describe('one entry’s sheets', () => {
  const row = (over: Partial<EntryAssignmentRow>): EntryAssignmentRow => ({
    assignmentId: 'as-1',
    judgeId: 'j1',
    judgeName: 'Lan',
    assignmentStatus: 'assigned',
    recusalReason: null,
    sheetId: null,
    sheetStatus: null,
    total: null,
    submittedAt: null,
    comment: null,
    commentInternal: null,
    ...over,
  });

  it('shows values and comments of submitted sheets of judges not recused only', () => {
    const answer = entrySheetsView(
      ROUND,
      { entryId: 'a', code: 'ST-001', title: 'Alpha' },
      ROWS.criteria,
      [
        row({
          sheetId: 's1',
          sheetStatus: 'submitted',
          total: 80,
          submittedAt: '2026-12-04T10:00:00.000Z',
          comment: 'Strong team',
          commentInternal: false,
        }),
        row({ assignmentId: 'as-2', judgeId: 'j2', judgeName: 'Minh', sheetId: 's2', sheetStatus: 'draft', total: 50, comment: 'not yet' }),
        row({
          assignmentId: 'as-3',
          judgeId: 'j3',
          judgeName: 'Quân',
          assignmentStatus: 'recused',
          recusalReason: 'mentor',
          sheetId: 's3',
          sheetStatus: 'submitted',
          total: 90,
        }),
        row({ assignmentId: 'as-4', judgeId: 'j4', judgeName: 'Vy' }),
      ],
      [
        { sheetId: 's1', criterionId: 'c1', value: 8, comment: null, commentInternal: false },
        { sheetId: 's1', criterionId: 'c2', value: 4, comment: 'Large market', commentInternal: false },
      ],
    );
    expect(answer).toMatchObject({ roundId: 'round-1', roundName: 'Vòng 1', entryId: 'a', code: 'ST-001', title: 'Alpha' });
    expect(answer.sheets.map((s) => [s.judgeName, s.status, s.total, s.scores.length, s.comment, s.recusalReason])).toEqual([
      ['Lan', 'submitted', 80, 2, 'Strong team', null],
      ['Minh', 'draft', null, 0, null, null],
      ['Quân', 'recused', null, 0, null, 'mentor'],
      ['Vy', 'todo', null, 0, null, null],
    ]);
    expect(answer.sheets[0]?.scores).toEqual([
      { criterionId: 'c1', value: 8, comment: null, commentInternal: false },
      { criterionId: 'c2', value: 4, comment: 'Large market', commentInternal: false },
    ]);
  });
});
