import fc from 'fast-check';
import type { Criterion } from './scoring.types';
import { missingCriteria, sheetTotal } from './sheet-total';

const rubric: Criterion[] = [
  { id: 'team', weight: 2, maxScore: 10 },
  { id: 'market', weight: 1, maxScore: 5 },
  { id: 'product', weight: 1, maxScore: 20 },
];

describe(sheetTotal.name, () => {
  it('weights each criterion by w·(v/max)', () => {
    // 100 · (2·7/10 + 1·4/5 + 1·10/20) / (2 + 1 + 1) = 100 · (1.4 + 0.8 + 0.5) / 4 = 67.5
    expect(sheetTotal(rubric, { team: 7, market: 4, product: 10 })).toBeCloseTo(67.5, 12);
  });

  it('adds the points of a points rubric (weight = maxScore)', () => {
    const points: Criterion[] = [
      { id: 'a', weight: 30, maxScore: 30 },
      { id: 'b', weight: 30, maxScore: 30 },
      { id: 'c', weight: 40, maxScore: 40 },
    ];
    // 100 · (30·25/30 + 30·20/30 + 40·30/40) / 100 = 25 + 20 + 30 = 75
    expect(sheetTotal(points, { a: 25, b: 20, c: 30 })).toBeCloseTo(75, 12);
  });

  it('gives 0 and 100 at the ends', () => {
    expect(sheetTotal(rubric, { team: 0, market: 0, product: 0 })).toBe(0);
    expect(sheetTotal(rubric, { team: 10, market: 5, product: 20 })).toBe(100);
  });

  it('counts a missing criterion as 0 points while keeping its weight (total so far)', () => {
    // 100 · (2·7/10) / 4 = 35
    expect(sheetTotal(rubric, { team: 7 })).toBeCloseTo(35, 12);
    expect(sheetTotal(rubric, { team: 7, market: null, product: undefined })).toBeCloseTo(35, 12);
    expect(sheetTotal(rubric, {})).toBe(0);
  });

  it('counts an invalid value as not scored', () => {
    // market 6 > max 5 and product 1.005 has three decimals: only team counts → 35
    expect(sheetTotal(rubric, { team: 7, market: 6, product: 1.005 })).toBeCloseTo(35, 12);
  });

  it('ignores values for criteria outside the rubric', () => {
    expect(sheetTotal(rubric, { team: 7, market: 4, product: 10, other: 99 })).toBeCloseTo(67.5, 12);
  });

  it('gives 0 for an empty rubric', () => {
    expect(sheetTotal([], { team: 7 })).toBe(0);
  });

  it('stays in [0, 100] and only grows as a sheet is filled (property)', () => {
    const criteria = fc.array(
      fc.record({
        weight: fc.integer({ min: 1, max: 500 }).map((w) => w / 100),
        maxScore: fc.constantFrom(1, 5, 10, 20, 25, 100),
      }),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(
        criteria.chain((cs) =>
          fc.tuple(
            fc.constant(cs.map((c, i): Criterion => ({ id: `c${i}`, ...c }))),
            fc.tuple(...cs.map((c) => fc.integer({ min: 0, max: c.maxScore * 100 }).map((n) => n / 100))),
            fc.array(fc.boolean(), { minLength: cs.length, maxLength: cs.length }),
          ),
        ),
        ([cs, values, given]) => {
          const full = Object.fromEntries(cs.map((c, i) => [c.id, values[i]]));
          const partial = Object.fromEntries(cs.filter((_, i) => given[i]).map((c) => [c.id, full[c.id]]));
          const total = sheetTotal(cs, full);
          const sofar = sheetTotal(cs, partial);
          return total >= 0 && total <= 100 && sofar >= 0 && sofar <= total + 1e-12;
        },
      ),
    );
  });
});

describe(missingCriteria.name, () => {
  it('lists, in rubric order, the criteria with no value', () => {
    expect(missingCriteria(rubric, { market: 4 })).toEqual(['team', 'product']);
    expect(missingCriteria(rubric, { team: null, market: 0, product: 3 })).toEqual(['team']);
    expect(missingCriteria(rubric, { team: 1, market: 0, product: 3 })).toEqual([]);
  });
});

describe('sheetTotal at the top of the scale', () => {
  it('gives exactly 100 for a perfect sheet whatever the weight', () => {
    // found by the [0, 100] property: (100 · 1.38) / 1.38 = 100.00000000000001 in binary
    expect(sheetTotal([{ id: 'c', weight: 1.38, maxScore: 5 }], { c: 5 })).toBe(100);
  });
});
