import { computeRoundResults, type RoundInput } from './round-results';
import { ScoringInputError } from './scoring-input-error';
import type { Criterion, Sheet } from './scoring.types';
import { known } from '../util/known';

// One criterion out of 100 with weight 1: T = 100 · (v/100) / 1 = v, so totals can be written directly.
const direct: Criterion[] = [{ id: 'c', weight: 1, maxScore: 100 }];
const sheet = (entryId: string, judgeId: string, total: number): Sheet => ({ entryId, judgeId, values: { c: total } });
const entries = (...ids: string[]) => ids.map((entryId) => ({ entryId }));
const pick = (results: ReturnType<typeof computeRoundResults>, entryId: string) => {
  const entry = results.entries.find((e) => e.entryId === entryId);
  if (entry === undefined) throw new Error(`no ${entryId}`);
  return entry;
};
const places = (results: ReturnType<typeof computeRoundResults>) => results.entries.map((e) => [e.entryId, e.rank, e.settledBy]);

describe(computeRoundResults.name, () => {
  describe('mean, with the workbook figures', () => {
    // P: weight 2, max 10; Q: weight 1, max 5.
    // A by J1: P 8, Q 4 → 100·(2·0.8 + 0.8)/3 = 80;      A by J2: P 6, Q 3 → 100·(1.2 + 0.6)/3 = 60
    // B by J1: P 5, Q 5 → 100·(2·0.5 + 1)/3 = 66.667;   B by J2: P 7, Q 2 → 100·(1.4 + 0.4)/3 = 60
    const criteria: Criterion[] = [
      { id: 'P', weight: 2, maxScore: 10 },
      { id: 'Q', weight: 1, maxScore: 5 },
    ];
    const input: RoundInput = {
      criteria,
      entries: entries('A', 'B'),
      method: 'mean',
      sheets: [
        { entryId: 'A', judgeId: 'J1', values: { P: 8, Q: 4 } },
        { entryId: 'A', judgeId: 'J2', values: { P: 6, Q: 3 } },
        { entryId: 'B', judgeId: 'J1', values: { P: 5, Q: 5 } },
        { entryId: 'B', judgeId: 'J2', values: { P: 7, Q: 2 } },
      ],
    };
    const results = computeRoundResults(input);

    it('scores and describes each entry', () => {
      const a = pick(results, 'A');
      // score = rawMean = (80 + 60)/2 = 70; median 70; spread = √((10² + 10²)/2) = 10
      expect(a.score).toBeCloseTo(70, 10);
      expect(a.rawMean).toBeCloseTo(70, 10);
      expect(a.medianTotal).toBeCloseTo(70, 10);
      expect(a.spread).toBeCloseTo(10, 10);
      expect(a.spreadFlagged).toBe(false);
      expect(a.judgeCount).toBe(2);
      // raw means P (8 + 6)/2 = 7, Q (4 + 3)/2 = 3.5; as shares of max: 0.7 and 0.7
      expect(a.criterionMeans).toEqual({ P: 7, Q: 3.5 });
      expect(a.criterionNormalizedMeans.P).toBeCloseTo(0.7, 12);
      expect(a.criterionNormalizedMeans.Q).toBeCloseTo(0.7, 12);
      expect(a.sheets.map((s) => s.judgeId)).toEqual(['J1', 'J2']);
      expect(a.sheets[0]?.total).toBeCloseTo(80, 10);
      expect(a.sheets[0]?.adjustedTotal).toBe(a.sheets[0]?.total);

      const b = pick(results, 'B');
      // (200/3 + 60)/2 = 63.333…; spread = (200/3 − 60)/2 = 3.333…
      expect(b.score).toBeCloseTo(190 / 3, 10);
      expect(b.spread).toBeCloseTo(10 / 3, 10);
      expect(places(results)).toEqual([
        ['A', 1, 'score'],
        ['B', 2, 'score'],
      ]);
    });

    it('gives the reliability block', () => {
      // Judges: J1 mean (80 + 66.667)/2 = 73.333, J2 mean 60. Leniency against the other judge of
      // the same entry: J1 A 80 − 60 = 20, B 66.667 − 60 = 6.667 → 13.333 = 40/3; J2 the opposite.
      const { judges, kendallW, iccKind, flaggedEntries } = results.reliability;
      expect(judges.map((j) => j.judgeId)).toEqual(['J1', 'J2']);
      expect(judges[0]?.sheets).toBe(2);
      expect(judges[0]?.mean).toBeCloseTo(220 / 3, 10);
      expect(judges[0]?.leniency).toBeCloseTo(40 / 3, 10);
      expect(judges[1]?.leniency).toBeCloseTo(-40 / 3, 10);
      // Complete panel. W: J1 ranks B 1, A 2; J2 tied 1.5, 1.5 (T = 6). R = 3.5, 2.5, mean 3,
      // S = 0.5; W = 12·0.5 / (4·6 − 2·6) = 6/12 = 0.5
      expect(iccKind).toBe('ICC(2,k)');
      expect(kendallW).toBeCloseTo(0.5, 12);
      expect(flaggedEntries).toEqual([]);
    });
  });

  it('median', () => {
    // A: 50, 90, 60 → 60;  B: 50, 60, 80, 90 → (60 + 80)/2 = 70
    const results = computeRoundResults({
      criteria: direct,
      entries: entries('A', 'B'),
      method: 'median',
      sheets: [
        sheet('A', 'J1', 50),
        sheet('A', 'J2', 90),
        sheet('A', 'J3', 60),
        sheet('B', 'J1', 50),
        sheet('B', 'J2', 60),
        sheet('B', 'J3', 80),
        sheet('B', 'J4', 90),
      ],
    });
    expect(pick(results, 'A').score).toBeCloseTo(60, 10);
    expect(pick(results, 'B').score).toBeCloseTo(70, 10);
    // rawMean stays the mean: A (50 + 90 + 60)/3 = 66.667
    expect(pick(results, 'A').rawMean).toBeCloseTo(200 / 3, 10);
    expect(places(results)).toEqual([
      ['B', 1, 'score'],
      ['A', 2, 'score'],
    ]);
  });

  it('trimmed_mean (default k = 1, plain mean when n ≤ 2k)', () => {
    // A: 10, 60, 70, 80, 100 → drop 10 and 100 → (60 + 70 + 80)/3 = 70
    // B: 30, 95 → n = 2 ≤ 2 → plain mean 62.5
    const input: RoundInput = {
      criteria: direct,
      entries: entries('A', 'B'),
      method: 'trimmed_mean',
      sheets: [...[10, 60, 70, 80, 100].map((t, i) => sheet('A', `J${i}`, t)), sheet('B', 'J0', 30), sheet('B', 'J1', 95)],
    };
    const results = computeRoundResults(input);
    expect(pick(results, 'A').score).toBeCloseTo(70, 10);
    expect(pick(results, 'B').score).toBeCloseTo(62.5, 10);
    // k = 2: A drops 10, 60 and 80, 100 → 70; k = 0: plain mean (10 + 60 + 70 + 80 + 100)/5 = 64
    expect(pick(computeRoundResults({ ...input, trim: 2 }), 'A').score).toBeCloseTo(70, 10);
    expect(pick(computeRoundResults({ ...input, trim: 0 }), 'A').score).toBeCloseTo(64, 10);
  });

  describe('zscore', () => {
    // J1 harsh, J2 lenient on A and B; J3 scored only C. Sheets keyed by criterion id (the
    // domain also takes the lean shape), so the test may shift a judge's values.
    const input: Omit<RoundInput, 'sheets'> & { sheets: Sheet[] } = {
      criteria: direct,
      entries: entries('A', 'B', 'C'),
      method: 'zscore',
      minSheetsForNormalization: 2,
      sheets: [sheet('A', 'J1', 40), sheet('B', 'J1', 60), sheet('A', 'J2', 70), sheet('B', 'J2', 90), sheet('C', 'J3', 50)],
    };

    it('normalises each judge onto the round mean and spread', () => {
      // μ = 62, σ = √296 ≈ 17.2047 (see aggregate.spec). J1 and J2 each have z = −1 on A and +1 on B;
      // J3 has 1 sheet < 2 → T' = T.
      // A = mean(62 − σ, 62 − σ) = 44.795; B = 62 + σ = 79.205; C = 50 → B, C, A.
      const results = computeRoundResults(input);
      const root = Math.sqrt(296);
      expect(pick(results, 'A').score).toBeCloseTo(62 - root, 10);
      expect(pick(results, 'B').score).toBeCloseTo(62 + root, 10);
      expect(pick(results, 'C').score).toBeCloseTo(50, 10);
      expect(pick(results, 'A').rawMean).toBeCloseTo(55, 10);
      expect(pick(results, 'A').sheets.map((s) => s.adjustedTotal)).toEqual([expect.closeTo(62 - root, 10), expect.closeTo(62 - root, 10)]);
      expect(places(results)).toEqual([
        ['B', 1, 'score'],
        ['C', 2, 'score'],
        ['A', 3, 'score'],
      ]);
      // Under mean the order differs: B 75, A 55, C 50.
      expect(places(computeRoundResults({ ...input, method: 'mean' })).map((p) => p[0])).toEqual(['B', 'A', 'C']);
    });

    it('leaves every total alone when no judge reaches minSheetsForNormalization (default 5)', () => {
      const results = computeRoundResults({ ...input, minSheetsForNormalization: undefined });
      // A = (40 + 70)/2 = 55, B = 75, C = 50
      expect(results.entries.map((e) => e.score)).toEqual([expect.closeTo(75, 10), expect.closeTo(55, 10), expect.closeTo(50, 10)]);
    });

    it('keeps the ranking when one judge adds a constant, but moves μ and so the scores', () => {
      // J2 adds 10 to both sheets: z-scores stay −1/+1; μ becomes (40 + 60 + 80 + 100 + 50)/5 = 66
      // and σ² = (26² + 6² + 14² + 34² + 16²)/5 = (676 + 36 + 196 + 1156 + 256)/5 = 464.
      const shifted = computeRoundResults({
        ...input,
        sheets: input.sheets.map((s) => (s.judgeId === 'J2' ? { ...s, values: { c: known(s.values['c'], 'the score of c') + 10 } } : s)),
      });
      expect(pick(shifted, 'A').score).toBeCloseTo(66 - Math.sqrt(464), 10);
      expect(places(shifted)).toEqual(places(computeRoundResults(input)));
    });
  });

  describe('tie-breaks from real sheets', () => {
    // P and Q both weight 1, max 10: T = 100·(P/10 + Q/10)/2 = 5·(P + Q).
    const criteria: Criterion[] = [
      { id: 'P', weight: 1, maxScore: 10 },
      { id: 'Q', weight: 1, maxScore: 10 },
    ];
    const pq = (entryId: string, judgeId: string, P: number, Q: number): Sheet => ({
      entryId,
      judgeId,
      values: { P, Q },
    });

    it('splits a three-way tie by priority, then settles the remaining pair head-to-head', () => {
      // W: 9+9 → 90 from each judge → 90.
      // X: (9,5)×3 → 70, 70, 70 → mean 70, P share 0.9.
      // Y: (7,8), (7,8), (7,5) → 75, 75, 60 → mean 70, P share 0.7.
      // Z: (7,6), (7,6), (7,9) → 65, 65, 80 → mean 70, P share 0.7.
      // Score: W, then {X, Y, Z} tied at 70 (their float totals differ by far less than 1e-9).
      // Priority P: X 0.9 > Y 0.7 = Z 0.7 → X. Head-to-head Y vs Z: J1 75 > 65, J2 75 > 65,
      // J3 60 < 80 → Y 2:1 → Y, Z.
      const results = computeRoundResults({
        criteria,
        entries: entries('Z', 'Y', 'X', 'W'),
        method: 'mean',
        priorityCriteria: ['P'],
        sheets: [
          ...['J1', 'J2', 'J3'].map((j) => pq('W', j, 9, 9)),
          ...['J1', 'J2', 'J3'].map((j) => pq('X', j, 9, 5)),
          pq('Y', 'J1', 7, 8),
          pq('Y', 'J2', 7, 8),
          pq('Y', 'J3', 7, 5),
          pq('Z', 'J1', 7, 6),
          pq('Z', 'J2', 7, 6),
          pq('Z', 'J3', 7, 9),
        ],
      });
      expect(places(results)).toEqual([
        ['W', 1, 'score'],
        ['X', 2, 'priority_criteria'],
        ['Y', 3, 'head_to_head'],
        ['Z', 4, 'head_to_head'],
      ]);
      // The tie-break reads v/max, not v.
      expect(pick(results, 'X').criterionNormalizedMeans.P).toBeCloseTo(0.9, 12);
    });

    it('follows the order of the priority criteria', () => {
      // P max 10, Q max 20, weight 1 each. A: P 8, Q 10 → 100·(0.8 + 0.5)/2 = 65;
      // B: P 6, Q 14 → 100·(0.6 + 0.7)/2 = 65. Shares: A P 0.8, Q 0.5; B P 0.6, Q 0.7.
      // Priority [Q]: B first; priority [P]: A first. No common judge, equal medians otherwise.
      const mixed: Criterion[] = [
        { id: 'P', weight: 1, maxScore: 10 },
        { id: 'Q', weight: 1, maxScore: 20 },
      ];
      const base = {
        criteria: mixed,
        entries: entries('A', 'B'),
        method: 'mean' as const,
        sheets: [
          { entryId: 'A', judgeId: 'J1', values: { P: 8, Q: 10 } },
          { entryId: 'B', judgeId: 'J2', values: { P: 6, Q: 14 } },
        ],
      };
      expect(places(computeRoundResults({ ...base, priorityCriteria: ['Q'] }))).toEqual([
        ['B', 1, 'priority_criteria'],
        ['A', 2, 'priority_criteria'],
      ]);
      expect(places(computeRoundResults({ ...base, priorityCriteria: ['P'] }))).toEqual([
        ['A', 1, 'priority_criteria'],
        ['B', 2, 'priority_criteria'],
      ]);
    });

    it('settles by head-to-head when medians tie too', () => {
      // A: 80, 70, 60; B: 75, 65, 70 (J1–J3): means 70 and 70, medians 70 and 70.
      // J1 and J2 prefer A, J3 prefers B → A.
      const results = computeRoundResults({
        criteria: direct,
        entries: entries('A', 'B'),
        method: 'mean',
        sheets: [
          sheet('A', 'J1', 80),
          sheet('A', 'J2', 70),
          sheet('A', 'J3', 60),
          sheet('B', 'J1', 75),
          sheet('B', 'J2', 65),
          sheet('B', 'J3', 70),
        ],
      });
      expect(places(results)).toEqual([
        ['A', 1, 'head_to_head'],
        ['B', 2, 'head_to_head'],
      ]);
    });

    it('settles by the median when the panels do not overlap', () => {
      // A (J1–J3): 60, 70, 80 → mean 70, median 70; B (J4–J6): 50, 75, 85 → mean 70, median 75.
      const results = computeRoundResults({
        criteria: direct,
        entries: entries('A', 'B'),
        method: 'mean',
        sheets: [
          sheet('A', 'J1', 60),
          sheet('A', 'J2', 70),
          sheet('A', 'J3', 80),
          sheet('B', 'J4', 50),
          sheet('B', 'J5', 75),
          sheet('B', 'J6', 85),
        ],
      });
      expect(places(results)).toEqual([
        ['B', 1, 'median'],
        ['A', 2, 'median'],
      ]);
    });

    it('leaves identical entries tied, with competition ranks', () => {
      const results = computeRoundResults({
        criteria: direct,
        entries: entries('C', 'B', 'A', 'D'),
        method: 'mean',
        sheets: [sheet('A', 'J1', 90), sheet('B', 'J1', 70), sheet('C', 'J1', 70), sheet('D', 'J1', 50)],
      });
      expect(places(results)).toEqual([
        ['A', 1, 'score'],
        ['B', 2, 'tie'],
        ['C', 2, 'tie'],
        ['D', 4, 'score'],
      ]);
    });
  });

  it('ranks entries without sheets last, with null figures', () => {
    const results = computeRoundResults({
      criteria: direct,
      entries: entries('N2', 'S', 'N1'),
      method: 'mean',
      sheets: [sheet('S', 'J1', 10)],
    });
    expect(places(results)).toEqual([
      ['S', 1, 'score'],
      ['N1', 2, 'tie'],
      ['N2', 2, 'tie'],
    ]);
    expect(pick(results, 'N1')).toMatchObject({
      score: null,
      rawMean: null,
      medianTotal: null,
      spread: null,
      spreadFlagged: false,
      judgeCount: 0,
      criterionMeans: {},
      criterionNormalizedMeans: {},
      sheets: [],
    });
  });

  it('ranks per category when the round ranks by category', () => {
    const results = computeRoundResults({
      criteria: direct,
      entries: [
        { entryId: 'A', categoryId: 'tech' },
        { entryId: 'B', categoryId: 'agri' },
        { entryId: 'C', categoryId: 'tech' },
        { entryId: 'D', categoryId: 'agri' },
        { entryId: 'E' },
      ],
      method: 'mean',
      rankBy: 'category',
      sheets: [sheet('A', 'J1', 90), sheet('B', 'J1', 40), sheet('C', 'J1', 60), sheet('D', 'J1', 80), sheet('E', 'J1', 99)],
    });
    // agri: D 80, B 40; tech: A 90, C 60; no category: E. Categories by id, none last.
    expect(results.entries.map((e) => [e.categoryId, e.entryId, e.rank])).toEqual([
      ['agri', 'D', 1],
      ['agri', 'B', 2],
      ['tech', 'A', 1],
      ['tech', 'C', 2],
      [null, 'E', 1],
    ]);
    expect(results.rankBy).toBe('category');
  });

  it('flags entries whose spread is above the threshold (default 15, configurable)', () => {
    // A: 40, 80 → spread 20 > 15; B: 60, 70 → 5; C: 50, 80 → 15, not above 15.
    const input: RoundInput = {
      criteria: direct,
      entries: entries('A', 'B', 'C'),
      method: 'mean',
      sheets: [
        sheet('A', 'J1', 40),
        sheet('A', 'J2', 80),
        sheet('B', 'J1', 60),
        sheet('B', 'J2', 70),
        sheet('C', 'J1', 50),
        sheet('C', 'J2', 80),
      ],
    };
    const results = computeRoundResults(input);
    expect(pick(results, 'A').spread).toBeCloseTo(20, 10);
    expect(pick(results, 'C').spread).toBeCloseTo(15, 10);
    expect(results.entries.filter((e) => e.spreadFlagged).map((e) => e.entryId)).toEqual(['A']);
    expect(results.reliability.flaggedEntries).toEqual(['A']);
    expect(computeRoundResults({ ...input, spreadThreshold: 4 }).reliability.flaggedEntries).toEqual(['A', 'B', 'C']);
  });

  describe('reliability on Shrout & Fleiss Table 2 as a round', () => {
    // 6 entries × 4 judges, one criterion out of 10: T = 10·v, and the ICC does not change with scale.
    const table = [
      [9, 2, 5, 8],
      [6, 1, 3, 2],
      [8, 4, 6, 8],
      [7, 1, 2, 6],
      [10, 5, 6, 9],
      [6, 2, 4, 7],
    ];
    const sheets = table.flatMap((row, i) => row.map((v, j) => ({ entryId: `E${i + 1}`, judgeId: `J${j + 1}`, values: { c: v } })));
    const base = {
      criteria: [{ id: 'c', weight: 1, maxScore: 10 }],
      entries: entries('E1', 'E2', 'E3', 'E4', 'E5', 'E6'),
      method: 'mean' as const,
    };

    it('uses ICC(2,k) on a complete panel', () => {
      const { reliability } = computeRoundResults({ ...base, sheets });
      expect(reliability.iccKind).toBe('ICC(2,k)');
      expect(reliability.icc).toBeCloseTo(0.62, 2);
      expect(reliability.iccBand).toBe('moderate');
      expect(reliability.kendallW).not.toBeNull();
    });

    it('falls back to ICC(1,k) and no W when one sheet is missing', () => {
      const { reliability } = computeRoundResults({ ...base, sheets: sheets.slice(1) });
      expect(reliability.iccKind).toBe('ICC(1,k)');
      expect(reliability.icc).not.toBeNull();
      expect(reliability.kendallW).toBeNull();
    });

    it('treats an entry nobody scored as an incomplete panel', () => {
      const { reliability } = computeRoundResults({
        ...base,
        entries: entries('E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7'),
        sheets,
      });
      // One-way on the six scored entries, each with 4 sheets: ICC(1,4) = .44 (Shrout & Fleiss).
      expect(reliability.iccKind).toBe('ICC(1,k)');
      expect(reliability.icc).toBeCloseTo(0.44, 2);
    });
  });

  it('is the same whatever order entries and sheets come in', () => {
    const input: RoundInput = {
      criteria: direct,
      entries: entries('A', 'B', 'C'),
      method: 'zscore',
      minSheetsForNormalization: 2,
      sheets: [sheet('A', 'J1', 40.1), sheet('B', 'J1', 60.3), sheet('A', 'J2', 70.7), sheet('B', 'J2', 90.9), sheet('C', 'J3', 50.05)],
    };
    const reversed = { ...input, entries: [...input.entries].reverse(), sheets: [...input.sheets].reverse() };
    expect(computeRoundResults(reversed)).toEqual(computeRoundResults(input));
  });

  describe('refuses inconsistent input', () => {
    const base: RoundInput = {
      criteria: direct,
      entries: entries('A'),
      method: 'mean',
      sheets: [sheet('A', 'J1', 50)],
    };
    it.each([
      ['a sheet for an entry outside the round', { sheets: [sheet('Z', 'J1', 50)] }, /entry Z, which the round does not cover/],
      ['two sheets of one judge for one entry', { sheets: [sheet('A', 'J1', 50), sheet('A', 'J1', 60)] }, /two submitted sheets/],
      ['a value above the maximum', { sheets: [sheet('A', 'J1', 101)] }, /invalid value \(above_max\)/],
      ['a value with three decimals', { sheets: [sheet('A', 'J1', 1.005)] }, /too_many_decimals/],
      ['a missing value', { sheets: [{ entryId: 'A', judgeId: 'J1', values: {} }] }, /no value for criterion c/],
      ['an unknown priority criterion', { priorityCriteria: ['nope'] }, /priority criterion nope/],
      ['a negative trim', { trim: -1 }, /trim/],
      ['a fractional minSheetsForNormalization', { minSheetsForNormalization: 2.5 }, /minSheetsForNormalization/],
      ['no criteria', { criteria: [] }, /no criteria/],
      ['a zero weight', { criteria: [{ id: 'c', weight: 0, maxScore: 100 }] }, /weight above 0/],
      ['an entry listed twice', { entries: entries('A', 'A') }, /listed twice/],
    ])('%s', (_, change, message) => {
      expect(() => computeRoundResults({ ...base, ...change })).toThrow(ScoringInputError);
      expect(() => computeRoundResults({ ...base, ...change })).toThrow(message);
    });
  });

  it('handles a round with no sheets at all', () => {
    const results = computeRoundResults({ criteria: direct, entries: entries('A', 'B'), method: 'zscore', sheets: [] });
    expect(places(results)).toEqual([
      ['A', 1, 'tie'],
      ['B', 1, 'tie'],
    ]);
    expect(results.reliability).toEqual({
      iccKind: null,
      icc: null,
      iccBand: null,
      kendallW: null,
      judges: [],
      flaggedEntries: [],
    });
  });

  describe('public vote blend', () => {
    // One criterion P (weight 1, max 10), mean. Judge totals: A 80 and 60 → 70; B 70 and 66 → 68;
    // C 90 and 40 → 65. Votes A 10, B 50, C 0 → voteScore A 20, B 100, C 0.
    // p = 0.2: A = 0.8·70 + 0.2·20 = 60; B = 0.8·68 + 0.2·100 = 74.4; C = 0.8·65 = 52 → B, A, C
    // (the judges alone rank A, B, C).
    const criteria: Criterion[] = [{ id: 'P', weight: 1, maxScore: 10 }];
    const sheets = [
      { entryId: 'A', judgeId: 'J1', values: { P: 8 } },
      { entryId: 'A', judgeId: 'J2', values: { P: 6 } },
      { entryId: 'B', judgeId: 'J1', values: { P: 7 } },
      { entryId: 'B', judgeId: 'J2', values: { P: 6.6 } },
      { entryId: 'C', judgeId: 'J1', values: { P: 9 } },
      { entryId: 'C', judgeId: 'J2', values: { P: 4 } },
    ];
    const input: RoundInput = { criteria, entries: entries('A', 'B', 'C'), method: 'mean', sheets };

    it('ranks by (1 − p)·judgeScore + p·voteScore and keeps both parts', () => {
      const results = computeRoundResults({ ...input, publicVote: { share: 0.2, scope: 'overall', votes: { A: 10, B: 50 } } });
      expect(results.entries.map((e) => e.entryId)).toEqual(['B', 'A', 'C']);
      const b = pick(results, 'B');
      expect(b.judgeScore).toBeCloseTo(68, 12);
      expect(b.votes).toBe(50);
      expect(b.voteScore).toBe(100);
      expect(b.score).toBeCloseTo(74.4, 12);
      expect(pick(results, 'A').score).toBeCloseTo(60, 12);
      expect(pick(results, 'C')).toMatchObject({ votes: 0, voteScore: 0 });
      expect(pick(results, 'C').score).toBeCloseTo(52, 12);
    });

    it('carries the judge score and the largest difference of totals without a vote', () => {
      const results = computeRoundResults(input);
      expect(results.entries.map((e) => e.entryId)).toEqual(['A', 'B', 'C']);
      expect(pick(results, 'A').judgeScore).toBe(pick(results, 'A').score);
      expect(pick(results, 'A').votes).toBeUndefined();
      // C: 90 − 40 = 50
      expect(pick(results, 'C').maxDifference).toBeCloseTo(50, 12);
    });

    it('runs the tie-breaks on the blended score', () => {
      // p = 0.5, votes A 24, B 25, C 50 (most 50) → voteScore A 48, B 50, C 100.
      // A = 0.5·70 + 0.5·48 = 59; B = 0.5·68 + 0.5·50 = 59; C = 0.5·65 + 50 = 82.5.
      // A and B tie at 59: no priority criteria; head-to-head J1 prefers A (80 > 70), J2 prefers B
      // (66 > 60) → level; median total A 70 > B 68 → A second, B third, settled by the median.
      const results = computeRoundResults({ ...input, publicVote: { share: 0.5, scope: 'overall', votes: { A: 24, B: 25, C: 50 } } });
      expect(results.entries.map((e) => [e.entryId, e.rank, e.settledBy])).toEqual([
        ['C', 1, 'score'],
        ['A', 2, 'median'],
        ['B', 3, 'median'],
      ]);
    });
  });
});
