import { allocatePrizes, allocatePrizesExplained, type PrizeCandidate, type PrizeInput } from './prizes';
import { ScoringInputError } from './scoring-input-error';

const entry = (entryId: string, rank: number, score: number | null, extra: Partial<PrizeCandidate> = {}): PrizeCandidate => ({
  entryId,
  rank,
  score,
  categoryId: null,
  ...extra,
});
const allocate = (ranking: PrizeCandidate[], prizes: PrizeInput['prizes'], extra: Partial<PrizeInput> = {}) =>
  allocatePrizes({ ranking, prizes, rankBy: 'overall', ...extra });

describe(allocatePrizes.name, () => {
  it('fills first, second, third in ranking order', () => {
    const lines = allocate(
      [entry('d', 4, 60), entry('a', 1, 90), entry('c', 3, 70), entry('b', 2, 80)],
      [
        { tier: 'third', count: 1 },
        { tier: 'first', count: 1 },
        { tier: 'second', count: 1 },
      ],
    );
    expect(lines).toEqual([
      { tier: 'first', entryId: 'a', rank: 1, score: 90 },
      { tier: 'second', entryId: 'b', rank: 2, score: 80 },
      { tier: 'third', entryId: 'c', rank: 3, score: 70 },
    ]);
  });

  it('marks a tie across the first/second boundary as needing a decision, at the first tier it reaches', () => {
    // Places: first, second, second. a and b share rank 1 → they take places 1–2 (first, second):
    // not one tier → both needsDecision with tier first. c takes place 3 (second).
    const lines = allocate(
      [entry('a', 1, 85), entry('b', 1, 85), entry('c', 3, 70), entry('d', 4, 60)],
      [
        { tier: 'first', count: 1 },
        { tier: 'second', count: 2 },
      ],
    );
    expect(lines).toEqual([
      { tier: 'first', entryId: 'a', rank: 1, score: 85, needsDecision: true },
      { tier: 'first', entryId: 'b', rank: 1, score: 85, needsDecision: true },
      { tier: 'second', entryId: 'c', rank: 3, score: 70 },
    ]);
  });

  it('awards a tie that fits inside one tier', () => {
    // Places: first, second, second. b and c share rank 2 → places 2–3, both second.
    const lines = allocate(
      [entry('a', 1, 90), entry('b', 2, 80), entry('c', 2, 80), entry('d', 4, 60)],
      [
        { tier: 'first', count: 1 },
        { tier: 'second', count: 2 },
      ],
    );
    expect(lines).toEqual([
      { tier: 'first', entryId: 'a', rank: 1, score: 90 },
      { tier: 'second', entryId: 'b', rank: 2, score: 80 },
      { tier: 'second', entryId: 'c', rank: 2, score: 80 },
    ]);
  });

  it('marks a tie running past the last place, giving one line per tied entry', () => {
    // Places: first, second. b, c, d share rank 2 → places 2–4, but only place 2 exists →
    // all three needsDecision with tier second: 4 lines for 2 places.
    const lines = allocate(
      [entry('a', 1, 90), entry('b', 2, 80), entry('c', 2, 80), entry('d', 2, 80), entry('e', 5, 50)],
      [
        { tier: 'first', count: 1 },
        { tier: 'second', count: 1 },
      ],
    );
    expect(lines).toEqual([
      { tier: 'first', entryId: 'a', rank: 1, score: 90 },
      { tier: 'second', entryId: 'b', rank: 2, score: 80, needsDecision: true },
      { tier: 'second', entryId: 'c', rank: 2, score: 80, needsDecision: true },
      { tier: 'second', entryId: 'd', rank: 2, score: 80, needsDecision: true },
    ]);
  });

  it('marks a tie of encouragement places running past the end too', () => {
    // Places: encouragement ×2. b and c share rank 2 after a → places 2–3 of 2.
    const lines = allocate([entry('a', 1, 90), entry('b', 2, 80), entry('c', 2, 80)], [{ tier: 'encouragement', count: 2 }]);
    expect(lines.map((l) => [l.entryId, l.tier, l.needsDecision ?? false])).toEqual([
      ['a', 'encouragement', false],
      ['b', 'encouragement', true],
      ['c', 'encouragement', true],
    ]);
  });

  it('skips entries below minScoreForPrize and leaves their places not awarded', () => {
    // minScoreForPrize 60: c (55) is skipped; b (59.99999999999999) counts as 60 within 1e-9.
    const lines = allocate(
      [entry('a', 1, 80), entry('b', 2, 59.99999999999999), entry('c', 3, 55)],
      [
        { tier: 'first', count: 1 },
        { tier: 'second', count: 1 },
        { tier: 'third', count: 1 },
      ],
      { minScoreForPrize: 60 },
    );
    expect(lines).toEqual([
      { tier: 'first', entryId: 'a', rank: 1, score: 80 },
      { tier: 'second', entryId: 'b', rank: 2, score: 59.99999999999999 },
      { tier: 'third', notAwarded: true },
    ]);
  });

  it('skips ineligible entries', () => {
    const lines = allocate(
      [entry('a', 1, 90, { eligible: false }), entry('b', 2, 80), entry('c', 3, 70, { eligible: true })],
      [
        { tier: 'first', count: 1 },
        { tier: 'second', count: 1 },
      ],
    );
    expect(lines).toEqual([
      { tier: 'first', entryId: 'b', rank: 2, score: 80 },
      { tier: 'second', entryId: 'c', rank: 3, score: 70 },
    ]);
  });

  it('an ineligible entry does not make its rank-mate a tie', () => {
    // a and b share rank 1 but a is ineligible → b alone takes first.
    const lines = allocate([entry('a', 1, 90, { eligible: false }), entry('b', 1, 90)], [{ tier: 'first', count: 1 }]);
    expect(lines).toEqual([{ tier: 'first', entryId: 'b', rank: 1, score: 90 }]);
  });

  it('writes notAwarded lines when the ranking runs out, and skips unscored entries', () => {
    const lines = allocate(
      [entry('a', 1, 90), entry('b', 2, 80), entry('n', 3, null)],
      [
        { tier: 'first', count: 1 },
        { tier: 'second', count: 1 },
        { tier: 'third', count: 1 },
        { tier: 'encouragement', count: 2 },
      ],
    );
    expect(lines).toEqual([
      { tier: 'first', entryId: 'a', rank: 1, score: 90 },
      { tier: 'second', entryId: 'b', rank: 2, score: 80 },
      { tier: 'third', notAwarded: true },
      { tier: 'encouragement', notAwarded: true },
      { tier: 'encouragement', notAwarded: true },
    ]);
  });

  it('allocates per category where prizes name a category', () => {
    // ranked by category: tech a 1, c 2; agri b 1, d 2
    const ranking = [
      entry('a', 1, 90, { categoryId: 'tech' }),
      entry('b', 1, 70, { categoryId: 'agri' }),
      entry('c', 2, 80, { categoryId: 'tech' }),
      entry('d', 2, 60, { categoryId: 'agri' }),
    ];
    const lines = allocatePrizes({
      ranking,
      rankBy: 'category',
      prizes: [
        { tier: 'first', count: 1, categoryId: 'tech' },
        { tier: 'first', count: 1, categoryId: 'agri' },
        { tier: 'second', count: 1, categoryId: 'agri' },
        { tier: 'second', count: 2, categoryId: 'tech' },
      ],
    });
    expect(lines).toEqual([
      { tier: 'first', categoryId: 'agri', entryId: 'b', rank: 1, score: 70 },
      { tier: 'second', categoryId: 'agri', entryId: 'd', rank: 2, score: 60 },
      { tier: 'first', categoryId: 'tech', entryId: 'a', rank: 1, score: 90 },
      { tier: 'second', categoryId: 'tech', entryId: 'c', rank: 2, score: 80 },
      { tier: 'second', categoryId: 'tech', notAwarded: true },
    ]);
  });

  it('gives an entry at most one prize when contest-wide and category prizes mix', () => {
    // Overall first: a. tech first: a already holds a line → c. agri first: b.
    const ranking = [
      entry('a', 1, 90, { categoryId: 'tech' }),
      entry('c', 2, 80, { categoryId: 'tech' }),
      entry('b', 3, 70, { categoryId: 'agri' }),
    ];
    const lines = allocate(ranking, [
      { tier: 'first', count: 1, categoryId: 'tech' },
      { tier: 'first', count: 1 },
      { tier: 'first', count: 1, categoryId: 'agri' },
    ]);
    expect(lines).toEqual([
      { tier: 'first', entryId: 'a', rank: 1, score: 90 },
      { tier: 'first', categoryId: 'agri', entryId: 'b', rank: 3, score: 70 },
      { tier: 'first', categoryId: 'tech', entryId: 'c', rank: 2, score: 80 },
    ]);
  });

  it('refuses contest-wide prizes over a per-category ranking, and bad counts', () => {
    expect(() => allocatePrizes({ ranking: [], rankBy: 'category', prizes: [{ tier: 'first', count: 1 }] })).toThrow(ScoringInputError);
    expect(() => allocate([], [{ tier: 'first', count: -1 }])).toThrow(ScoringInputError);
    expect(() => allocate([], [{ tier: 'first', count: 1.5 }])).toThrow(ScoringInputError);
  });

  it('gives nothing for no prizes', () => {
    expect(allocate([entry('a', 1, 90)], [])).toEqual([]);
    expect(allocate([entry('a', 1, 90)], [{ tier: 'first', count: 0 }])).toEqual([]);
  });
});

describe('prize gates (noZeroCriterion)', () => {
  const means = (team: number) => ({ criterionMeans: { idea: 6, team } });

  it('skips an entry with a criterion mean of 0 and says why: the gate takes away third place', () => {
    // Places first, second, third. Ranking a 90, b 80, c 70 (team mean 0), d 60.
    // c fails noZeroCriterion → third goes to d, and c is listed as skipped with zero_criterion.
    const result = allocatePrizesExplained({
      ranking: [entry('a', 1, 90, means(5)), entry('b', 2, 80, means(4)), entry('c', 3, 70, means(0)), entry('d', 4, 60, means(3))],
      prizes: [
        { tier: 'first', count: 1 },
        { tier: 'second', count: 1 },
        { tier: 'third', count: 1 },
      ],
      rankBy: 'overall',
      noZeroCriterion: true,
    });
    expect(result.lines).toEqual([
      { tier: 'first', entryId: 'a', rank: 1, score: 90 },
      { tier: 'second', entryId: 'b', rank: 2, score: 80 },
      { tier: 'third', entryId: 'd', rank: 4, score: 60 },
    ]);
    expect(result.skipped).toEqual([{ entryId: 'c', categoryId: null, rank: 3, score: 70, reasons: ['zero_criterion'] }]);
  });

  it('leaves the gate off unless asked', () => {
    const lines = allocatePrizes({
      ranking: [entry('a', 1, 90, means(0))],
      prizes: [{ tier: 'first', count: 1 }],
      rankBy: 'overall',
    });
    expect(lines).toEqual([{ tier: 'first', entryId: 'a', rank: 1, score: 90 }]);
  });

  it('gives every reason of a skipped entry, and lists only entries within reach of a place', () => {
    // minScoreForPrize 50: a 1st 90 wins; b 2nd 45 with a zero mean fails both gates; c 3rd 40 is
    // below 50 and screened out. The second place stays unfilled, so every gated entry was within
    // reach of it and is listed, in rank order, with all its reasons.
    const result = allocatePrizesExplained({
      ranking: [entry('a', 1, 90, means(5)), entry('b', 2, 45, means(0)), entry('c', 3, 40, { ...means(2), eligible: false })],
      prizes: [
        { tier: 'first', count: 1 },
        { tier: 'second', count: 1 },
      ],
      rankBy: 'overall',
      minScoreForPrize: 50,
      noZeroCriterion: true,
    });
    expect(result.lines).toEqual([
      { tier: 'first', entryId: 'a', rank: 1, score: 90 },
      { tier: 'second', notAwarded: true },
    ]);
    expect(result.skipped.map((s) => [s.entryId, s.reasons])).toEqual([
      ['b', ['below_min_score', 'zero_criterion']],
      ['c', ['below_min_score', 'ineligible']],
    ]);
  });

  it('does not list a gated entry ranked after the last place', () => {
    // first goes to a; z (rank 2, zero mean) was ranked after a, the last placed entry → not listed.
    const result = allocatePrizesExplained({
      ranking: [entry('a', 1, 90, means(5)), entry('z', 2, 80, means(0))],
      prizes: [{ tier: 'first', count: 1 }],
      rankBy: 'overall',
      noZeroCriterion: true,
    });
    expect(result.skipped).toEqual([]);
  });
});
