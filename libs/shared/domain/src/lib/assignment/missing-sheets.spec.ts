import fc from 'fast-check';
import { missingSheets } from './missing-sheets';

describe(missingSheets.name, () => {
  const assigned3 = { panel: 'assigned' as const, judgesPerEntry: 3 };

  it('counts judges on the entry who have not submitted', () => {
    // 3 judges, 2 sheets in: 1 missing.
    expect(missingSheets(assigned3, { assigned: 3, recused: 0, submitted: 2 })).toBe(1);
  });

  it('counts a recusal nobody took over as a gap in an assigned panel', () => {
    // 3 per entry; one recused, the other two submitted: expected max(2, 3) = 3, 3 − 2 = 1.
    expect(missingSheets(assigned3, { assigned: 2, recused: 1, submitted: 2 })).toBe(1);
  });

  it('no gap once another judge took the recused place and submitted', () => {
    // assigned 3 (two old, one new), recused 1, submitted 3: max(3, 3) − 3 = 0.
    expect(missingSheets(assigned3, { assigned: 3, recused: 1, submitted: 3 })).toBe(0);
  });

  it('a recusal in a complete panel is no gap', () => {
    // complete: expected = the 2 judges left; both submitted.
    expect(missingSheets({ panel: 'complete', judgesPerEntry: 1 }, { assigned: 2, recused: 1, submitted: 2 })).toBe(0);
  });

  it('a panel deliberately smaller than judgesPerEntry, without recusals, is complete when all submitted', () => {
    // The organizer auto-assigned 2 per entry in a round set to 3: nothing is missing.
    expect(missingSheets(assigned3, { assigned: 2, recused: 0, submitted: 2 })).toBe(0);
  });

  it('is never negative and never more than the sheets that could still come', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('assigned' as const, 'complete' as const),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 10 }),
        (panel, judgesPerEntry, assigned, recused, extra) => {
          const submitted = Math.max(0, assigned - extra);
          const n = missingSheets({ panel, judgesPerEntry }, { assigned, recused, submitted });
          expect(n).toBeGreaterThanOrEqual(0);
          expect(n).toBeLessThanOrEqual(Math.max(assigned, judgesPerEntry) - submitted);
          if (recused === 0) expect(n).toBe(assigned - submitted);
        },
      ),
    );
  });
});
