import { averageRanks, kendallW } from './kendall-w';
import { known } from '../util/known';

describe(averageRanks.name, () => {
  it('gives tied values the mean of their ranks and counts Σ(t³ − t)', () => {
    // 60 → 1; 80, 80 → (2 + 3)/2 = 2.5; 90 → 4; one pair tied: 2³ − 2 = 6
    expect(averageRanks([90, 80, 80, 60])).toEqual({ ranks: [4, 2.5, 2.5, 1], ties: 6 });
    // totals closer than 1e-9 are tied
    expect(averageRanks([70, 70 + 1e-12, 50]).ranks).toEqual([2.5, 2.5, 1]);
  });
});

describe(kendallW.name, () => {
  it('works a small example with ties by hand', () => {
    // Rows entries A–D, columns judges J1–J3.
    // J1: 90, 80, 80, 60 → ranks 4, 2.5, 2.5, 1 (one pair tied: T1 = 6)
    // J2: 85, 85, 70, 50 → ranks 3.5, 3.5, 2, 1 (one pair tied: T2 = 6)
    // J3: 95, 75, 65, 55 → ranks 4, 3, 2, 1     (T3 = 0)
    // R = 11.5, 9, 6.5, 3; mean m(n+1)/2 = 3·5/2 = 7.5; S = 4² + 1.5² + 1² + 4.5² = 39.5
    // W = 12·39.5 / (3²·(4³ − 4) − 3·12) = 474 / (540 − 36) = 474/504 = 79/84 ≈ 0.9405
    // (uncorrected it would be 474/540 ≈ 0.8778)
    const totals = [
      [90, 85, 95],
      [80, 85, 75],
      [80, 70, 65],
      [60, 50, 55],
    ];
    expect(kendallW(totals)).toBeCloseTo(79 / 84, 12);
  });

  it('matches the tie-corrected textbook value on the anxiety ratings', () => {
    // The `anxiety` data of R's irr package (Gamer et al.), 20 subjects × 3 raters on a 1–6
    // scale, full of ties; DescTools::KendallW(anxiety, correct = TRUE) documents W = 0.5396569
    // (Kendall χ² = m(n − 1)W = 30.76, df 19). By hand: rank sums R give S = Σ(R − 31.5)² = 3004;
    // ties Σ(t³ − t): rater 1: 2,6,5,2,4 tied → 6 + 210 + 120 + 6 + 60 = 402; rater 2: 5,8,4,2 →
    // 120 + 504 + 60 + 6 = 690; rater 3: 7,5,5,2 → 336 + 120 + 120 + 6 = 582; total 1674.
    // W = 12·3004 / (9·(8000 − 20) − 3·1674) = 36048 / 66798 = 0.5396569…
    const rater1 = [3, 3, 3, 4, 5, 5, 2, 3, 5, 2, 2, 6, 1, 5, 2, 2, 1, 2, 4, 3];
    const rater2 = [3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4];
    const rater3 = [2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2];
    const totals = rater1.map((r, i) => [r, known(rater2[i], 'a rating of rater 2'), known(rater3[i], 'a rating of rater 3')]);
    expect(kendallW(totals)).toBeCloseTo(36048 / 66798, 12);
    expect(kendallW(totals)).toBeCloseTo(0.5396569, 7);
  });

  it('matches Siegel & Castellan (1988) without ties', () => {
    // Three raters rank 8 factors (Siegel & Castellan, Nonparametric Statistics, 2nd ed., as
    // reproduced in DescTools::KendallW's examples): W = 0.6560847.
    // R = 10, 18, 14, 6, 7, 16, 13, 24 (mean 13.5); S = 12.25 + 20.25 + 0.25 + 56.25 + 42.25
    //   + 6.25 + 0.25 + 110.25 = 248; W = 12·248 / (9·504) = 2976/4536 = 0.65608…
    const totals = [
      [5, 1, 4],
      [6, 7, 5],
      [7, 6, 1],
      [1, 2, 3],
      [2, 3, 2],
      [4, 5, 7],
      [3, 4, 6],
      [8, 8, 8],
    ];
    expect(kendallW(totals)).toBeCloseTo(2976 / 4536, 12);
    expect(kendallW(totals)).toBeCloseTo(0.6560847, 7);
  });

  it('is 1 for identical orders and does not depend on the scale of each judge', () => {
    expect(
      kendallW([
        [90, 9],
        [70, 7],
        [50, 5],
      ]),
    ).toBeCloseTo(1, 12);
  });

  it('is null for one entry, one judge, or judges who tie everything', () => {
    expect(kendallW([[70, 80, 90]])).toBeNull();
    expect(kendallW([[70], [80]])).toBeNull();
    expect(
      kendallW([
        [70, 60],
        [70, 60],
      ]),
    ).toBeNull();
  });
});
