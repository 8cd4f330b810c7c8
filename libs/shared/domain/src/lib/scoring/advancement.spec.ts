import { selectAdvancing } from './advancement';
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
  const ranking = [
    entry('e', 5, 60),
    entry('c', 3, 70),
    entry('a', 1, 90),
    entry('d', 3, 70),
    entry('b', 2, 80),
    entry('n', 6, null),
  ];

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
    expect(
      selectAdvancing([entry('x', 1, 69.99999999999999), entry('y', 2, 69.9)], { minScore: 70 }, 'overall'),
    ).toEqual(['x']);
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
