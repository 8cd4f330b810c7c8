import { aggregateTotals, zscoreTotals } from './aggregate';

describe(aggregateTotals.name, () => {
  const totals = [100, 10, 60, 50, 70];

  it('mean', () => {
    // (100 + 10 + 60 + 50 + 70) / 5 = 58
    expect(aggregateTotals('mean', totals, 1)).toBe(58);
  });

  it('median', () => {
    // sorted 10, 50, 60, 70, 100 → 60
    expect(aggregateTotals('median', totals, 1)).toBe(60);
  });

  it('trimmed_mean with k', () => {
    // k = 1: (50 + 60 + 70) / 3 = 60
    expect(aggregateTotals('trimmed_mean', totals, 1)).toBe(60);
    // k = 3, n = 5 ≤ 6: plain mean 58
    expect(aggregateTotals('trimmed_mean', totals, 3)).toBe(58);
  });
});

describe(zscoreTotals.name, () => {
  // J1 is harsh (40, 60), J2 lenient (70, 90) on the same two entries, J3 scored one sheet.
  const sheets = [
    { judgeId: 'J1', total: 40 },
    { judgeId: 'J1', total: 60 },
    { judgeId: 'J2', total: 70 },
    { judgeId: 'J2', total: 90 },
    { judgeId: 'J3', total: 50 },
  ];

  it('maps each normalised judge onto the round mean and spread', () => {
    // Round: μ = (40 + 60 + 70 + 90 + 50) / 5 = 62;
    //   σ² = (22² + 2² + 8² + 28² + 12²) / 5 = (484 + 4 + 64 + 784 + 144) / 5 = 296, σ = √296 ≈ 17.2047.
    // J1: μ1 = 50, σ1 = 10 → z = −1, +1.  J2: μ2 = 80, σ2 = 10 → z = −1, +1.
    // T' = 62 ∓ √296 = 44.7953…, 79.2047…; J3 has 1 sheet < 2 → T' = T = 50.
    const root = Math.sqrt(296);
    const adjusted = zscoreTotals(sheets, 2);
    [62 - root, 62 + root, 62 - root, 62 + root, 50].forEach((expected, i) => expect(adjusted[i]).toBeCloseTo(expected, 10));
  });

  it('leaves judges with fewer than minSheetsForNormalization sheets alone (default 5)', () => {
    expect(zscoreTotals(sheets, 5)).toEqual([40, 60, 70, 90, 50]);
  });

  it('leaves a judge with no spread alone (σj = 0)', () => {
    // J1 gave 50 and 50: σ1 = 0 ≤ 1e-9 → T' = T; J2 (60, 80) is normalised.
    // Round μ = (50 + 50 + 60 + 80) / 4 = 60, σ² = (100 + 100 + 0 + 400) / 4 = 150.
    // J2: μ2 = 70, σ2 = 10 → T' = 60 ∓ √150.
    const adjusted = zscoreTotals(
      [
        { judgeId: 'J1', total: 50 },
        { judgeId: 'J1', total: 50 },
        { judgeId: 'J2', total: 60 },
        { judgeId: 'J2', total: 80 },
      ],
      2,
    );
    expect(adjusted.slice(0, 2)).toEqual([50, 50]);
    expect(adjusted[2]).toBeCloseTo(60 - Math.sqrt(150), 10);
    expect(adjusted[3]).toBeCloseTo(60 + Math.sqrt(150), 10);
  });

  it('does not clamp: DESIGN’s formula can leave [0, 100]', () => {
    // J1 scored five entries 0, 0, 0, 0, 10 (μ1 = 2, σ1 = 4); J2 gave all five 100 (σ2 = 0).
    // Round μ = 510 / 10 = 51, σ² = (4·51² + 41² + 5·49²) / 10 = 24090 / 10 = 2409, σ ≈ 49.0816.
    // J1's 10 becomes 51 + 49.0816 · (10 − 2) / 4 = 149.1631…
    const adjusted = zscoreTotals(
      [0, 0, 0, 0, 10]
        .map((total) => ({ judgeId: 'J1', total }))
        .concat([100, 100, 100, 100, 100].map((total) => ({ judgeId: 'J2', total }))),
      5,
    );
    expect(adjusted[4]).toBeCloseTo(51 + Math.sqrt(2409) * 2, 10);
    expect(adjusted[4]).toBeGreaterThan(100);
  });

  it('is empty for a round without sheets', () => {
    expect(zscoreTotals([], 5)).toEqual([]);
  });
});
