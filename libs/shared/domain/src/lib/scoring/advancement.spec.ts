import fc from 'fast-check';
import { planAdvancement, selectAdvancing } from './advancement';
import type { GatedEntry } from './gates';
import type { RankedEntry } from './ranking-scope';
import { ScoringInputError } from './scoring-input-error';

const entry = (entryId: string, rank: number, score: number | null, categoryId: string | null = null): RankedEntry => ({
  entryId,
  rank,
  score,
  categoryId,
});

describe(selectAdvancing.name, () => {
  // Overall ranking 1, 2, 3, 3, 5 and one entry nobody scored.
  const ranking = [entry('e', 5, 60), entry('c', 3, 70), entry('a', 1, 90), entry('d', 3, 70), entry('b', 2, 80), entry('n', 6, null)];

  it('takes the top N', () => {
    expect(selectAdvancing(ranking, { top: 2 }, 'overall')).toEqual(['a', 'b']);
  });

  it('takes everyone tied at the cut-off', () => {
    // the 3rd place is shared by c and d → both go through: 4 entries for top 3
    expect(selectAdvancing(ranking, { top: 3 }, 'overall')).toEqual(['a', 'b', 'c', 'd']);
    expect(selectAdvancing(ranking, { top: 4 }, 'overall')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('never advances an entry without a score', () => {
    expect(selectAdvancing(ranking, { top: 10 }, 'overall')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(selectAdvancing(ranking, { minScore: 0 }, 'overall')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('takes every entry at or above minScore, allowing for rounding', () => {
    expect(selectAdvancing(ranking, { minScore: 70 }, 'overall')).toEqual(['a', 'b', 'c', 'd']);
    expect(selectAdvancing([entry('x', 1, 69.99999999999999), entry('y', 2, 69.9)], { minScore: 70 }, 'overall')).toEqual(['x']);
  });

  it('takes the top N of each category when the round ranks by category', () => {
    const perCategory = [
      entry('t1', 1, 90, 'tech'),
      entry('t2', 2, 80, 'tech'),
      entry('t3', 3, 70, 'tech'),
      entry('g1', 1, 60, 'agri'),
      entry('g2', 1, 60, 'agri'),
      entry('g3', 3, 50, 'agri'),
    ];
    // agri: g1, g2 share 1st → both; tech: t1
    expect(selectAdvancing(perCategory, { top: 1 }, 'category')).toEqual(['g1', 'g2', 't1']);
  });

  it('cuts per category by position even when the ranks are overall', () => {
    // overall ranks: tech 1, 2, 4; agri 3, 5 → top 1 per category: t1 and g1
    const overall = [
      entry('t1', 1, 90, 'tech'),
      entry('t2', 2, 85, 'tech'),
      entry('g1', 3, 80, 'agri'),
      entry('t3', 4, 75, 'tech'),
      entry('g2', 5, 70, 'agri'),
    ];
    expect(selectAdvancing(overall, { top: 1 }, 'category')).toEqual(['g1', 't1']);
  });

  it('takes nobody for top 0 and refuses a fractional or negative top', () => {
    expect(selectAdvancing(ranking, { top: 0 }, 'overall')).toEqual([]);
    expect(() => selectAdvancing(ranking, { top: 1.5 }, 'overall')).toThrow(ScoringInputError);
    expect(() => selectAdvancing(ranking, { top: -1 }, 'overall')).toThrow(ScoringInputError);
  });
});

describe(planAdvancement.name, () => {
  const gated = (
    entryId: string,
    rank: number,
    score: number | null,
    criterionMeans: Record<string, number> = { idea: 5, team: 5 },
    categoryId: string | null = null,
  ): GatedEntry => ({ entryId, rank, score, categoryId, criterionMeans });

  // Quảng Ngãi 2021: "the 5 best of each track with a mean of at least 50 and no criterion scored 0".
  // Here top 2, minScore 50, noZeroCriterion over one track:
  //   a 1st 81 ok · b 2nd 74, team mean 0 → zero_criterion · c 3rd 66 ok · d 4th 58 ok · e 5th 42 → below 50
  // Passing in rank order: a, c, d → the first 2 are a and c; d passed the gates but is below_top.
  const track = [gated('a', 1, 81), gated('b', 2, 74, { idea: 9, team: 0 }), gated('c', 3, 66), gated('d', 4, 58), gated('e', 5, 42)];

  it('applies the gates first, then takes the first top of what passed', () => {
    const plan = planAdvancement(track, { top: 2, minScore: 50, noZeroCriterion: true }, 'overall');
    expect(plan.decisions.map((d) => [d.entryId, d.advances, d.failed])).toEqual([
      ['a', true, []],
      ['b', false, ['zero_criterion']],
      ['c', true, []],
      ['d', false, ['below_top']],
      ['e', false, ['below_min_score']],
    ]);
    expect(plan.ties).toEqual([]);
  });

  it('names every gate an entry fails', () => {
    // f scores 40 (below 50) and has a criterion mean of 0: both reasons, in gate order.
    const plan = planAdvancement([gated('f', 1, 40, { idea: 8, team: 0 })], { minScore: 50, noZeroCriterion: true }, 'overall');
    expect(plan.decisions[0]?.failed).toEqual(['below_min_score', 'zero_criterion']);
  });

  it('advances a whole tied group across the top boundary and says so', () => {
    // top 2 after the gates: a (1st), then c and x share 3rd. Positions 2 and 3 go to the tie,
    // which runs one past top → both advance, tiedAtTop, beyondTop 1.
    const withTie = [...track, gated('x', 3, 66)];
    const plan = planAdvancement(withTie, { top: 2, minScore: 50, noZeroCriterion: true }, 'overall');
    expect(plan.decisions.filter((d) => d.advances).map((d) => d.entryId)).toEqual(['a', 'c', 'x']);
    expect(plan.decisions.filter((d) => d.tiedAtTop).map((d) => d.entryId)).toEqual(['c', 'x']);
    expect(plan.ties).toEqual([{ categoryId: null, rank: 3, entryIds: ['c', 'x'], beyondTop: 1 }]);
  });

  it('does not call a tie that fits inside top a boundary tie', () => {
    const plan = planAdvancement([gated('p', 1, 90), gated('q', 1, 90), gated('r', 3, 50)], { top: 2 }, 'overall');
    expect(plan.decisions.filter((d) => d.advances).map((d) => d.entryId)).toEqual(['p', 'q']);
    expect(plan.ties).toEqual([]);
    expect(plan.decisions.some((d) => d.tiedAtTop)).toBe(false);
  });

  it('counts the gate per category when the round ranks by category', () => {
    const rounds = [
      gated('t1', 1, 90, { idea: 0, team: 9 }, 'tech'),
      gated('t2', 2, 80, undefined, 'tech'),
      gated('t3', 3, 70, undefined, 'tech'),
      gated('g1', 1, 45, undefined, 'agri'),
      gated('g2', 2, 44, undefined, 'agri'),
    ];
    // tech: t1 gated (zero criterion) → t2 is the first; agri: both below 50 → nobody.
    const plan = planAdvancement(rounds, { top: 1, minScore: 50, noZeroCriterion: true }, 'category');
    expect(plan.decisions.filter((d) => d.advances).map((d) => d.entryId)).toEqual(['t2']);
    expect(plan.decisions.find((d) => d.entryId === 't3')?.failed).toEqual(['below_top']);
  });

  it('with only noZeroCriterion advances every scored entry without a zero criterion', () => {
    const plan = planAdvancement([...track, gated('n', 6, null, {})], { noZeroCriterion: true }, 'overall');
    expect(plan.decisions.filter((d) => d.advances).map((d) => d.entryId)).toEqual(['a', 'c', 'd', 'e']);
    expect(plan.decisions.find((d) => d.entryId === 'n')?.failed).toEqual(['no_score']);
  });

  it('refuses a non-finite minScore', () => {
    expect(() => planAdvancement(track, { minScore: Number.NaN }, 'overall')).toThrow(ScoringInputError);
  });

  it('never advances a gated entry and never more than top outside a boundary tie (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ score: fc.integer({ min: 0, max: 8 }).map((s) => s * 12.5), zero: fc.boolean() }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 100 }),
        (rows, top, minScore) => {
          const sorted = [...rows].sort((x, y) => y.score - x.score);
          const entries = sorted.map((row, i) => {
            const rank = sorted.findIndex((other) => other.score === row.score) + 1;
            return gated(`e${String(i).padStart(2, '0')}`, rank, row.score, { k: row.zero ? 0 : 1 });
          });
          const plan = planAdvancement(entries, { top, minScore, noZeroCriterion: true }, 'overall');
          const advanced = plan.decisions.filter((d) => d.advances);
          const beyond = plan.ties.reduce((sum, tie) => sum + tie.beyondTop, 0);
          return (
            advanced.every(
              (d) => (d.score ?? -1) > minScore - 1e-9 && entries.find((e) => e.entryId === d.entryId)?.criterionMeans?.['k'] === 1,
            ) &&
            advanced.length ===
              Math.min(top, entries.filter((e) => (e.score ?? -1) >= minScore && e.criterionMeans?.['k'] === 1).length) + beyond
          );
        },
      ),
    );
  });
});
