import fc from 'fast-check';
import { categoryCriterionAverages, type EntryCriterionMeans, numberJudges } from './feedback';

describe(numberJudges.name, () => {
  it('numbers judges by their first submitted sheet for the entry', () => {
    const labels = numberJudges([
      { judgeKey: 'x', submittedAt: 300, tieBreak: 's3' },
      { judgeKey: 'y', submittedAt: 100, tieBreak: 's1' },
      { judgeKey: 'z', submittedAt: 200, tieBreak: 's2' },
      // x's sheet of a later round does not move x.
      { judgeKey: 'x', submittedAt: 900, tieBreak: 's9' },
      // y again in a later round: still judge 1.
      { judgeKey: 'y', submittedAt: 800, tieBreak: 's8' },
    ]);
    expect([...labels]).toEqual([
      ['y', 1],
      ['z', 2],
      ['x', 3],
    ]);
  });

  it('breaks a tie of instants by the tie-break key', () => {
    const labels = numberJudges([
      { judgeKey: 'b', submittedAt: 5, tieBreak: 'sheet-b' },
      { judgeKey: 'a', submittedAt: 5, tieBreak: 'sheet-a' },
    ]);
    expect(labels.get('a')).toBe(1);
    expect(labels.get('b')).toBe(2);
  });

  it('gives the same numbers whatever order the rows come in (property)', () => {
    const marks = fc.uniqueArray(
      fc.record({ judgeKey: fc.constantFrom('a', 'b', 'c', 'd'), submittedAt: fc.integer({ min: 0, max: 5 }), tieBreak: fc.uuid() }),
      {
        selector: (m) => m.tieBreak,
        maxLength: 12,
      },
    );
    fc.assert(
      fc.property(marks, (rows) => {
        const forward = numberJudges(rows);
        const backward = numberJudges([...rows].reverse());
        expect([...backward].sort()).toEqual([...forward].sort());
        expect([...forward.values()].sort((a, b) => a - b)).toEqual(
          forward.size === 0 ? [] : Array.from({ length: forward.size }, (_, i) => i + 1),
        );
      }),
    );
  });
});

describe(categoryCriterionAverages.name, () => {
  it('averages entry means per criterion inside the category, each entry once', () => {
    const entries: EntryCriterionMeans[] = [
      { categoryId: 'biz', criterionMeans: { inn: 8, mkt: 6 } },
      { categoryId: 'biz', criterionMeans: { inn: 6, mkt: 9 } },
      { categoryId: 'biz', criterionMeans: { inn: 7 } },
      { categoryId: 'stu', criterionMeans: { inn: 1, mkt: 1 } },
    ];
    // inn: (8 + 6 + 7) / 3 = 7; mkt: (6 + 9) / 2 = 7.5 (the third entry has no Market mean).
    expect(categoryCriterionAverages(entries, 'biz')).toEqual({ inn: 7, mkt: 7.5 });
    expect(categoryCriterionAverages(entries, 'stu')).toEqual({ inn: 1, mkt: 1 });
    expect(categoryCriterionAverages(entries, null)).toEqual({});
  });
});
