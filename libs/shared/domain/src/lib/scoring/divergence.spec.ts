import fc from 'fast-check';
import { checkDivergence, isDivergent, maxDifference } from './divergence';
import { ScoringInputError } from './scoring-input-error';
import { sheetTotal } from './sheet-total';
import type { Criterion } from './scoring.types';

describe(maxDifference.name, () => {
  it('is max − min, and null below two totals', () => {
    expect(maxDifference([62, 85, 70])).toBe(23);
    expect(maxDifference([70])).toBeNull();
    expect(maxDifference([])).toBeNull();
  });
});

describe(isDivergent.name, () => {
  it('flags a difference at the threshold or above, within 1e-9, and nothing without a threshold or a difference', () => {
    expect(isDivergent(20, 20)).toBe(true);
    // 80 − 60 computed from weighted fractions: 19.999999999999996 is 20.
    expect(isDivergent(19.999999999999996, 20)).toBe(true);
    expect(isDivergent(19.99, 20)).toBe(false);
    expect(isDivergent(null, 20)).toBe(false);
    expect(isDivergent(35, null)).toBe(false);
    expect(isDivergent(35, undefined)).toBe(false);
  });

  it('agrees with checkDivergence on any totals', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { maxLength: 6 }),
        fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
        (totals, threshold) => {
          expect(isDivergent(maxDifference(totals), threshold)).toBe(checkDivergence({ totals, threshold, extraJudges: 0 }).divergent);
        },
      ),
    );
  });
});

describe(checkDivergence.name, () => {
  it('counts a difference exactly at the threshold', () => {
    // totals 80 and 60 differ by 20 = threshold 20 → divergent; 79.99 and 60 differ by 19.99 → not
    expect(checkDivergence({ totals: [80, 60], threshold: 20, extraJudges: 0 })).toEqual({
      maxDifference: 20,
      divergent: true,
      needsExtraJudge: true,
    });
    expect(checkDivergence({ totals: [79.99, 60], threshold: 20, extraJudges: 0 }).divergent).toBe(false);
  });

  it('counts a threshold difference that binary arithmetic puts a hair below', () => {
    // A rubric of weights 1.1 and 2.2, max 10: sheet (8, 8) gives 80, sheet (6, 6) gives 60;
    // 100·(1.1·0.8 + 2.2·0.8)/3.3 − 100·(1.1·0.6 + 2.2·0.6)/3.3 is 20 up to rounding.
    const rubric: Criterion[] = [
      { id: 'a', weight: 1.1, maxScore: 10 },
      { id: 'b', weight: 2.2, maxScore: 10 },
    ];
    const totals = [sheetTotal(rubric, { a: 8, b: 8 }), sheetTotal(rubric, { a: 6, b: 6 })];
    expect(Math.abs((maxDifference(totals) ?? 0) - 20)).toBeLessThan(1e-9);
    expect(checkDivergence({ totals, threshold: 20, extraJudges: 0 }).divergent).toBe(true);
  });

  it('is off without a threshold, and stops adding judges at maxExtraJudges (default 1)', () => {
    expect(checkDivergence({ totals: [0, 100], threshold: null, extraJudges: 0 })).toEqual({
      maxDifference: 100,
      divergent: false,
      needsExtraJudge: false,
    });
    expect(checkDivergence({ totals: [0, 100], threshold: 30, extraJudges: 1 }).needsExtraJudge).toBe(false);
    expect(checkDivergence({ totals: [0, 100], threshold: 30, extraJudges: 1, maxExtraJudges: 2 }).needsExtraJudge).toBe(true);
  });

  it('refuses a negative threshold or a fractional maxExtraJudges', () => {
    expect(() => checkDivergence({ totals: [1, 2], threshold: -1, extraJudges: 0 })).toThrow(ScoringInputError);
    expect(() => checkDivergence({ totals: [1, 2], threshold: 5, extraJudges: 0, maxExtraJudges: 0.5 })).toThrow(ScoringInputError);
  });

  it('finds divergence exactly when some pair of totals differs by the threshold (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: 0, max: 10_000 }).map((t) => t / 100),
          { maxLength: 6 },
        ),
        fc.integer({ min: 0, max: 100 }),
        (totals, threshold) => {
          const pairwise = totals.some((a) => totals.some((b) => a - b > threshold - 1e-9));
          return checkDivergence({ totals, threshold, extraJudges: 0 }).divergent === (totals.length >= 2 && pairwise);
        },
      ),
    );
  });
});
