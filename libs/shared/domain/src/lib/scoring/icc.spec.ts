import { oneWayRandomIcc, twoWayRandomIcc } from './icc';

// Shrout, P. E. & Fleiss, J. L. (1979). Intraclass correlations: uses in assessing rater
// reliability. Psychological Bulletin 86(2), 420–428, Table 2: 6 targets × 4 judges.
// Their Table 3 gives BMS = 11.24, WMS = 6.26, JMS = 32.49, EMS = 1.02, and Table 4
// ICC(1,1) = .17, ICC(2,1) = .29, ICC(1,4) = .44, ICC(2,4) = .62.
const shroutFleiss = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
];

describe(twoWayRandomIcc.name, () => {
  it('matches Shrout & Fleiss Table 4, Case 2', () => {
    const { single, average } = twoWayRandomIcc(shroutFleiss);
    // ICC(2,1) = (11.24 − 1.02) / (11.24 + 3·1.02 + 4·(32.49 − 1.02)/6) = 10.22 / 35.28 ≈ .29
    expect(single).toBeCloseTo(0.29, 2);
    // ICC(2,4) = (11.24 − 1.02) / (11.24 + (32.49 − 1.02)/6) = 10.22 / 16.485 ≈ .62
    expect(average).toBeCloseTo(0.62, 2);
    // unrounded mean squares: (11.2417 − 1.01944) / (11.2417 + (32.4861 − 1.01944)/6) = 0.62005…
    expect(average).toBeCloseTo(0.620051, 6);
  });

  it('is null without two targets and two judges, or without any variation', () => {
    expect(twoWayRandomIcc([[1, 2, 3]])).toEqual({ single: null, average: null });
    expect(twoWayRandomIcc([[1], [2]])).toEqual({ single: null, average: null });
    expect(
      twoWayRandomIcc([
        [70, 70],
        [70, 70],
      ]),
    ).toEqual({ single: null, average: null });
    expect(twoWayRandomIcc([])).toEqual({ single: null, average: null });
  });

  it('is 1 when the judges agree exactly', () => {
    // EMS = 0 and JMS = 0 → (BMS − 0) / (BMS + 0) = 1
    expect(
      twoWayRandomIcc([
        [80, 80],
        [60, 60],
        [40, 40],
      ]).average,
    ).toBeCloseTo(1, 12);
  });
});

describe(oneWayRandomIcc.name, () => {
  it('matches Shrout & Fleiss Table 4, Case 1, on their balanced table', () => {
    const { single, average, k } = oneWayRandomIcc(shroutFleiss);
    // ICC(1,1) = (11.24 − 6.26) / (11.24 + 3·6.26) = 4.98 / 30.02 ≈ .17
    expect(single).toBeCloseTo(0.17, 2);
    // ICC(1,4) = (11.24 − 6.26) / 11.24 ≈ .44
    expect(average).toBeCloseTo(0.44, 2);
    expect(average).toBeCloseTo(0.442797, 6);
    expect(k).toBe(4);
  });

  it('uses the unequal-n ANOVA with k = the mean number of ratings', () => {
    // Targets A (8, 6), B (4, 2, 3), C (9): N = 6, a = 3, grand mean 32/6.
    // Group means 7, 3, 9. SSB = 2(7 − 16/3)² + 3(3 − 16/3)² + (9 − 16/3)² = 50/9 + 49/3 + 121/9 = 106/3,
    //   MSB = 53/3. SSW = (1 + 1) + (1 + 1 + 0) + 0 = 4, MSW = 4 / (6 − 3) = 4/3.
    // n0 = (6 − (4 + 9 + 1)/6) / 2 = 11/6; k = 6/3 = 2.
    // ICC(1,1) = (53/3 − 4/3) / (53/3 + (11/6 − 1)·4/3) = (49/3) / (169/9) = 147/169 ≈ 0.8698
    // ICC(1,k) = 2·(49/3) / (2·53/3 + (11/6 − 2)·4/3) = (98/3) / (316/9) = 147/158 ≈ 0.9304
    const { single, average, k } = oneWayRandomIcc([[8, 6], [4, 2, 3], [9]]);
    expect(single).toBeCloseTo(147 / 169, 12);
    expect(average).toBeCloseTo(147 / 158, 12);
    expect(k).toBe(2);
  });

  it('leaves unrated targets out', () => {
    expect(oneWayRandomIcc([[8, 6], [], [4, 2, 3], [9]])).toEqual(oneWayRandomIcc([[8, 6], [4, 2, 3], [9]]));
  });

  it('can be negative when targets differ less than judges do', () => {
    // Group means 50.5 and 49.5 around 50: MSB = 2·(0.5² + 0.5²) / 1 = 1;
    // MSW = (10.5² + 10.5² + 9.5² + 9.5²) / (4 − 2) = 401 / 2 = 200.5; n0 = k = 2.
    // ICC(1,2) = (1 − 200.5) / 1 = −199.5: reported as it is, banded poor.
    expect(
      oneWayRandomIcc([
        [40, 61],
        [59, 40],
      ]).average,
    ).toBeCloseTo(-199.5, 9);
  });

  it('is null without two rated targets, without a repeated rating, or without variation', () => {
    const none = { single: null, average: null, k: null };
    expect(oneWayRandomIcc([[1, 2, 3]])).toEqual(none);
    expect(oneWayRandomIcc([[1], [2], [3]])).toEqual(none);
    expect(oneWayRandomIcc([[50, 50], [50]])).toEqual(none);
    expect(oneWayRandomIcc([])).toEqual(none);
  });
});
