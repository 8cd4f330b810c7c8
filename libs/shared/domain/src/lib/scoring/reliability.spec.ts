import fc from 'fast-check';
import { iccBand, roundReliability } from './reliability';
import { known } from '../util/known';

describe(roundReliability.name, () => {
  it('measures each judge’s leniency against the other judges of the same entries', () => {
    // Totals: A: J2 70, J1 40; B: J1 60, J2 90; C: J3 50 alone.
    // J1: A 40 − 70 = −30, B 60 − 90 = −30 → −30. J2: +30, +30 → +30.
    // J3 shares no entry with another judge → null (the round's mean would have said −12).
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
      { judgeId: 'J1', sheets: 2, mean: 50, leniency: -30 },
      { judgeId: 'J2', sheets: 2, mean: 80, leniency: 30 },
      { judgeId: 'J3', sheets: 1, mean: 50, leniency: null },
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

  it('does not call a judge lenient for having been given the stronger entries', () => {
    // J1 scored A 90, B 80; J2 scored A 86, C 40; J3 scored B 76, C 44.
    // Against the round's mean (416/6 = 69.33) J1 (mean 85) would look +15.67 lenient.
    // Against the others of the same entries: J1: A 90 − 86 = +4, B 80 − 76 = +4 → +4;
    // J2: A 86 − 90 = −4, C 40 − 44 = −4 → −4; J3: B 76 − 80 = −4, C 44 − 40 = +4 → 0.
    const reliability = roundReliability(
      ['A', 'B', 'C'],
      [
        { entryId: 'A', judgeId: 'J1', total: 90 },
        { entryId: 'B', judgeId: 'J1', total: 80 },
        { entryId: 'A', judgeId: 'J2', total: 86 },
        { entryId: 'C', judgeId: 'J2', total: 40 },
        { entryId: 'B', judgeId: 'J3', total: 76 },
        { entryId: 'C', judgeId: 'J3', total: 44 },
      ],
      [],
    );
    expect(reliability.judges.map((j) => [j.judgeId, j.mean, j.leniency])).toEqual([
      ['J1', 85, 4],
      ['J2', 63, -4],
      ['J3', 60, 0],
    ]);
  });

  it('property: raising every total of one entry by the same amount changes no judge’s leniency', () => {
    const sheetsOf = fc
      .uniqueArray(fc.record({ entryId: fc.constantFrom('A', 'B', 'C', 'D'), judgeId: fc.constantFrom('J1', 'J2', 'J3') }), {
        selector: (s) => `${s.entryId}|${s.judgeId}`,
        minLength: 1,
      })
      .chain((pairs) => fc.tuple(...pairs.map((p) => fc.integer({ min: 0, max: 10_000 }).map((t) => ({ ...p, total: t / 100 })))));
    fc.assert(
      fc.property(sheetsOf, fc.constantFrom('A', 'B', 'C', 'D'), fc.integer({ min: -50, max: 50 }), (sheets, entry, shift) => {
        const before = roundReliability(['A', 'B', 'C', 'D'], sheets, []).judges;
        const after = roundReliability(
          ['A', 'B', 'C', 'D'],
          sheets.map((s) => (s.entryId === entry ? { ...s, total: s.total + shift } : s)),
          [],
        ).judges;
        after.forEach((j, i) => {
          const leniency = known(before[i], 'the same judge before the shift').leniency;
          if (leniency === null) expect(j.leniency).toBeNull();
          else expect(j.leniency).toBeCloseTo(leniency, 9);
        });
      }),
    );
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
    // Nobody to compare with: no leniency.
    expect(reliability.judges).toEqual([{ judgeId: 'J1', sheets: 2, mean: 50, leniency: null }]);
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
