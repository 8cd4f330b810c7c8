import { iccBand, roundReliability } from './reliability';

describe(roundReliability.name, () => {
  it('measures each judge’s leniency against the round mean', () => {
    // Totals: J1 40, 60 (mean 50); J2 70, 90 (mean 80); J3 50. Round mean 310/5 = 62.
    // Leniency: J1 50 − 62 = −12, J2 80 − 62 = +18, J3 50 − 62 = −12.
    const reliability = roundReliability(
      ['A', 'B', 'C'],
      [
        { entryId: 'A', judgeId: 'J2', total: 70 },
        { entryId: 'A', judgeId: 'J1', total: 40 },
        { entryId: 'B', judgeId: 'J1', total: 60 },
        { entryId: 'B', judgeId: 'J2', total: 90 },
        { entryId: 'C', judgeId: 'J3', total: 50 },
      ],
      ['B', 'A'],
    );
    expect(reliability.judges).toEqual([
      { judgeId: 'J1', sheets: 2, mean: 50, leniency: -12 },
      { judgeId: 'J2', sheets: 2, mean: 80, leniency: 18 },
      { judgeId: 'J3', sheets: 1, mean: 50, leniency: -12 },
    ]);
    expect(reliability.flaggedEntries).toEqual(['A', 'B']);
    // Not complete (J3 scored only C): one-way over A (40, 70), B (60, 90), C (50).
    // N = 5, a = 3, grand 62; means 55, 75, 50. SSB = 2·49 + 2·169 + 144 = 580, MSB = 290.
    // SSW = 225·2 + 225·2 = 900, MSW = 900/2 = 450. n0 = (5 − 9/5)/2 = 1.6, k = 5/3.
    // ICC(1,k) = (5/3)(290 − 450) / ((5/3)·290 + (1.6 − 5/3)·450) = −266.67 / 453.33 = −0.5882…
    expect(reliability.iccKind).toBe('ICC(1,k)');
    expect(reliability.icc).toBeCloseTo(-800 / 1360, 10);
    expect(reliability.iccBand).toBe('poor');
    expect(reliability.kendallW).toBeNull();
  });

  it('is all null for one judge', () => {
    const reliability = roundReliability(
      ['A', 'B'],
      [
        { entryId: 'A', judgeId: 'J1', total: 40 },
        { entryId: 'B', judgeId: 'J1', total: 60 },
      ],
      [],
    );
    // Complete (one judge scored both) but ICC(2,k) and W need two judges.
    expect(reliability).toMatchObject({ iccKind: null, icc: null, iccBand: null, kendallW: null });
    expect(reliability.judges).toEqual([{ judgeId: 'J1', sheets: 2, mean: 50, leniency: 0 }]);
  });

  it('is null for one entry', () => {
    const reliability = roundReliability(
      ['A'],
      [
        { entryId: 'A', judgeId: 'J1', total: 40 },
        { entryId: 'A', judgeId: 'J2', total: 60 },
      ],
      [],
    );
    expect(reliability).toMatchObject({ iccKind: null, icc: null, iccBand: null, kendallW: null });
  });

  it('is null, not NaN, when every total is the same', () => {
    const same = ['A', 'B'].flatMap((entryId) => ['J1', 'J2'].map((judgeId) => ({ entryId, judgeId, total: 70 })));
    const reliability = roundReliability(['A', 'B'], same, []);
    expect(reliability).toMatchObject({ iccKind: null, icc: null, iccBand: null, kendallW: null });
    expect(reliability.judges.every((j) => j.leniency === 0)).toBe(true);
  });
});

describe(iccBand.name, () => {
  it('bands below 0.5 poor, 0.5–0.75 moderate, 0.75–0.9 good, above 0.9 excellent', () => {
    expect(iccBand(-0.2)).toBe('poor');
    expect(iccBand(0.4999)).toBe('poor');
    expect(iccBand(0.5)).toBe('moderate');
    expect(iccBand(0.7499)).toBe('moderate');
    expect(iccBand(0.75)).toBe('good');
    expect(iccBand(0.9)).toBe('good');
    expect(iccBand(0.9001)).toBe('excellent');
    expect(iccBand(1)).toBe('excellent');
  });
});
