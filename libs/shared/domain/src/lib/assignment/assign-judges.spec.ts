import { assignJudges } from './assign-judges';
import type { AssignmentInput, AssignmentResult, AssignmentSuccess, JudgeAssignment } from './assignment.types';

const ids = (prefix: string, count: number): { id: string }[] => Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i + 1}` }));

function assigned(result: AssignmentResult): AssignmentSuccess {
  if (!result.ok) throw new Error(`expected an assignment, got ${JSON.stringify(result.unassignable)}`);
  return result;
}

const panelOf = (assignments: readonly JudgeAssignment[], entryId: string): string[] =>
  assignments.filter((a) => a.entryId === entryId).map((a) => a.judgeId);

const pairs = (assignments: readonly JudgeAssignment[]): string[] => assignments.map((a) => `${a.entryId}/${a.judgeId}`).sort();

/** A reproducible contest with roughly `rate` of all pairs in conflict. */
function contest(entryCount: number, judgeCount: number, rate: number, judgesPerEntry: number, seed: string | number): AssignmentInput {
  const entries = ids('e', entryCount);
  const judges = ids('j', judgeCount);
  let state = 12345;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const conflicts = entries.flatMap((entry) =>
    judges.filter(() => next() < rate).map((judge) => ({ entryId: entry.id, judgeId: judge.id })),
  );
  return { entries, judges, conflicts, judgesPerEntry, seed };
}

function isConnected(judgeIds: readonly string[], assignments: readonly JudgeAssignment[]): boolean {
  const parent = new Map(judgeIds.map((id) => [id, id]));
  const root = (id: string): string => {
    const up = parent.get(id) ?? id;
    return up === id ? id : root(up);
  };
  const panels = new Map<string, string[]>();
  for (const { entryId, judgeId } of assignments) panels.set(entryId, [...(panels.get(entryId) ?? []), judgeId]);
  for (const [first, ...others] of panels.values()) for (const judgeId of others) parent.set(root(judgeId), root(first ?? judgeId));
  return new Set(judgeIds.map(root)).size === 1;
}

describe(assignJudges.name, () => {
  it('spreads the seats evenly when nothing is in the way', () => {
    // 6 entries × 2 seats = 12 seats over 3 judges: 4 each.
    const result = assigned(assignJudges({ entries: ids('e', 6), judges: ids('j', 3), conflicts: [], judgesPerEntry: 2, seed: 1 }));

    expect(result.assignments).toHaveLength(12);
    expect(result.perJudgeLoad).toEqual({ j1: 4, j2: 4, j3: 4 });
    for (const { id } of ids('e', 6)) expect(new Set(panelOf(result.assignments, id)).size).toBe(2);
    expect(result.conflictsAvoided).toBe(0);
  });

  it('keeps conflicting pairs apart and counts each distinct known pair once', () => {
    const result = assigned(
      assignJudges({
        entries: ids('e', 4),
        judges: ids('j', 3),
        conflicts: [
          { entryId: 'e1', judgeId: 'j1' },
          { entryId: 'e1', judgeId: 'j1' },
          { entryId: 'e2', judgeId: 'j2' },
          { entryId: 'e9', judgeId: 'j1' },
          { entryId: 'e1', judgeId: 'j9' },
        ],
        judgesPerEntry: 2,
        seed: 'x',
      }),
    );

    expect(panelOf(result.assignments, 'e1').sort()).toEqual(['j2', 'j3']);
    expect(panelOf(result.assignments, 'e2').sort()).toEqual(['j1', 'j3']);
    expect(result.conflictsAvoided).toBe(2);
  });

  it('reaches perfect balance where a least-loaded pass gets stuck', () => {
    // One seat per entry. j1 may take only e3, j3 only e5, so e2 must go to j5, and e1 and e4
    // share j2 and j4. The greedy pass alone, with seed 1, gives j4 two entries and j5 none.
    const conflicts = (
      [
        ['e1', ['j1', 'j3', 'j5']],
        ['e2', ['j1']],
        ['e3', ['j2', 'j3']],
        ['e4', ['j1', 'j3', 'j5']],
        ['e5', ['j1', 'j2', 'j5']],
      ] as const
    ).flatMap(([entryId, judgeIds]) => judgeIds.map((judgeId) => ({ entryId, judgeId })));
    for (let seed = 0; seed < 20; seed++) {
      const result = assigned(assignJudges({ entries: ids('e', 5), judges: ids('j', 5), conflicts, judgesPerEntry: 1, seed }));
      expect(result.perJudgeLoad).toEqual({ j1: 1, j2: 1, j3: 1, j4: 1, j5: 1 });
      expect(pairs(result.assignments)).toEqual(expect.arrayContaining(['e2/j5', 'e3/j1', 'e5/j3']));
    }
  });

  it('settles for the smallest spread when perfect balance is impossible', () => {
    // j1 may judge e1 only; the other 6 seats fall to j2 and j3, 3 each. Loads 1, 3, 3: spread 2.
    const conflicts = ['e2', 'e3', 'e4', 'e5', 'e6', 'e7'].map((entryId) => ({ entryId, judgeId: 'j1' }));
    const result = assigned(assignJudges({ entries: ids('e', 7), judges: ids('j', 3), conflicts, judgesPerEntry: 1, seed: 3 }));

    expect(result.perJudgeLoad).toEqual({ j1: 1, j2: 3, j3: 3 });
  });

  it('reports every entry short of judges and assigns nothing', () => {
    const result = assignJudges({
      entries: ids('e', 3),
      judges: ids('j', 3),
      conflicts: [
        { entryId: 'e2', judgeId: 'j1' },
        { entryId: 'e3', judgeId: 'j1' },
        { entryId: 'e3', judgeId: 'j2' },
        { entryId: 'e3', judgeId: 'j3' },
      ],
      judgesPerEntry: 3,
      seed: 1,
    });

    expect(result).toEqual({
      ok: false,
      unassignable: [
        { entryId: 'e2', needed: 3, available: 2, reason: 'not_enough_judges_without_conflict' },
        { entryId: 'e3', needed: 3, available: 0, reason: 'not_enough_judges_without_conflict' },
      ],
    });
  });

  it('fails when a panel is larger than the jury', () => {
    const result = assignJudges({
      entries: ids('e', 1),
      judges: ids('j', 2),
      conflicts: [],
      judgesPerEntry: 3,
      seed: 1,
    });

    expect(result).toEqual({
      ok: false,
      unassignable: [{ entryId: 'e1', needed: 3, available: 2, reason: 'not_enough_judges_without_conflict' }],
    });
  });

  describe('with existing assignments', () => {
    const existing = [
      { entryId: 'e1', judgeId: 'j1' },
      { entryId: 'e2', judgeId: 'j1' },
      { entryId: 'e3', judgeId: 'j1' },
      { entryId: 'e3', judgeId: 'j2' },
      { entryId: 'e4', judgeId: 'j2' },
      { entryId: 'e4', judgeId: 'j3' },
      { entryId: 'e4', judgeId: 'j4' },
      { entryId: 'e5', judgeId: 'j1' },
    ];

    it('keeps them, fills only the gaps and balances the totals', () => {
      // Existing loads are j1 4, j2 2, j3 1, j4 1. Seats still open: e1 1, e2 1, e5 1, e6 2 = 5.
      // The only spread of 1 gives j1 nothing, j2 one, j3 and j4 two each: loads 4, 3, 3, 3.
      const result = assigned(
        assignJudges({
          entries: ids('e', 6),
          judges: ids('j', 4),
          conflicts: [],
          judgesPerEntry: 2,
          seed: 5,
          existing,
        }),
      );

      expect(result.assignments).toHaveLength(5);
      for (const row of result.assignments) expect(existing).not.toContainEqual(row);
      expect(panelOf(result.assignments, 'e3')).toEqual([]);
      expect(panelOf(result.assignments, 'e4')).toEqual([]);
      for (const entryId of ['e1', 'e2', 'e5', 'e6']) {
        const panel = [...panelOf(existing, entryId), ...panelOf(result.assignments, entryId)];
        expect(new Set(panel).size).toBe(2);
      }
      expect(result.perJudgeLoad).toEqual({ j1: 4, j2: 3, j3: 3, j4: 3 });
    });

    it('counts a seat held by a judge no longer listed, without balancing that judge', () => {
      const result = assigned(
        assignJudges({
          entries: ids('e', 1),
          judges: ids('j', 2),
          conflicts: [],
          judgesPerEntry: 2,
          seed: 1,
          existing: [{ entryId: 'e1', judgeId: 'gone' }],
        }),
      );

      expect(result.assignments).toHaveLength(1);
      expect(result.perJudgeLoad).toEqual(expect.not.objectContaining({ gone: expect.anything() }));
    });

    it('keeps an existing assignment even when it is a conflict', () => {
      const result = assigned(
        assignJudges({
          entries: ids('e', 1),
          judges: ids('j', 2),
          conflicts: [{ entryId: 'e1', judgeId: 'j1' }],
          judgesPerEntry: 2,
          seed: 1,
          existing: [{ entryId: 'e1', judgeId: 'j1' }],
        }),
      );

      expect(result.assignments).toEqual([{ entryId: 'e1', judgeId: 'j2' }]);
      expect(result.conflictsAvoided).toBe(0);
    });
  });

  describe('complete panels', () => {
    it('gives every judge every entry but its conflicts, whatever judgesPerEntry says', () => {
      const result = assigned(
        assignJudges({
          mode: 'complete',
          entries: ids('e', 3),
          judges: ids('j', 3),
          conflicts: [{ entryId: 'e2', judgeId: 'j3' }],
          judgesPerEntry: 1,
          seed: 1,
          existing: [{ entryId: 'e1', judgeId: 'j1' }],
        }),
      );

      // 3 × 3 = 9 pairs, less 1 conflict, less 1 already assigned: 7 new.
      expect(result.assignments).toHaveLength(7);
      expect(panelOf(result.assignments, 'e2').sort()).toEqual(['j1', 'j2']);
      expect(result.perJudgeLoad).toEqual({ j1: 3, j2: 3, j3: 2 });
      expect(result.conflictsAvoided).toBe(1);
    });

    it('fails only for an entry no judge may score', () => {
      const result = assignJudges({
        mode: 'complete',
        entries: ids('e', 2),
        judges: ids('j', 2),
        conflicts: ['j1', 'j2'].flatMap((judgeId) => [
          { entryId: 'e1', judgeId },
          { entryId: 'e2', judgeId },
        ]),
        seed: 1,
        existing: [{ entryId: 'e2', judgeId: 'j1' }],
      });

      expect(result).toEqual({
        ok: false,
        unassignable: [{ entryId: 'e1', needed: 1, available: 0, reason: 'no_judge_without_conflict' }],
      });
    });
  });

  describe('randomness', () => {
    const input = contest(60, 12, 0.05, 3, 'spring-2025');

    it('gives the same answer for the same seed', () => {
      expect(assignJudges(input)).toEqual(assignJudges(input));
    });

    it('does not depend on the order the rows come in', () => {
      const reordered = { ...input, entries: [...input.entries].reverse(), judges: [...input.judges].reverse() };

      expect(pairs(assigned(assignJudges(reordered)).assignments)).toEqual(pairs(assigned(assignJudges(input)).assignments));
    });

    it('usually gives other answers for other seeds', () => {
      const answers = new Set(
        Array.from({ length: 10 }, (_, seed) => pairs(assigned(assignJudges({ ...input, seed })).assignments).join()),
      );

      expect(answers.size).toBe(10);
    });
  });

  describe('overlap between panels', () => {
    it('links every judge to every other through shared entries in a normal contest', () => {
      for (let seed = 1; seed <= 10; seed++) {
        const input = contest(100, 20, 0.05, 3, seed);
        const result = assigned(assignJudges(input));
        expect(
          isConnected(
            input.judges.map((j) => j.id),
            result.assignments,
          ),
        ).toBe(true);
      }
    });

    it('makes nearly every pair of judges share an entry', () => {
      // 200 panels of 3 give 600 pair slots over 15 × 14 / 2 = 105 pairs; drawn at random, a pair
      // is missed with probability (1 - 3/105)^200 ≈ 0.3 %, so all but one or two pairs are met.
      const input = contest(200, 15, 0, 3, 'pairs');
      const result = assigned(assignJudges(input));
      const met = new Set<string>();
      for (const { id } of input.entries) {
        const panel = panelOf(result.assignments, id).sort();
        for (let a = 0; a < panel.length; a++) for (let b = a + 1; b < panel.length; b++) met.add(`${panel[a]}|${panel[b]}`);
      }

      expect(met.size).toBeGreaterThanOrEqual(100);
    });
  });

  it('handles an empty round', () => {
    expect(assignJudges({ entries: [], judges: ids('j', 2), conflicts: [], judgesPerEntry: 3, seed: 1 })).toEqual({
      ok: true,
      assignments: [],
      perJudgeLoad: { j1: 0, j2: 0 },
      conflictsAvoided: 0,
    });
  });

  it('refuses an entry or a judge listed twice', () => {
    expect(() =>
      assignJudges({
        entries: [{ id: 'e1' }, { id: 'e1' }],
        judges: ids('j', 2),
        conflicts: [],
        judgesPerEntry: 1,
        seed: 1,
      }),
    ).toThrow('Entry "e1" is listed twice; list each entry once.');
    expect(() =>
      assignJudges({
        entries: ids('e', 1),
        judges: [{ id: 'j1' }, { id: 'j1' }],
        conflicts: [],
        judgesPerEntry: 1,
        seed: 1,
      }),
    ).toThrow(RangeError);
  });

  it.each([[-1], [1.5], [Number.NaN]])('refuses %p judges per entry', (judgesPerEntry) => {
    expect(() => assignJudges({ entries: ids('e', 1), judges: ids('j', 2), conflicts: [], judgesPerEntry, seed: 1 })).toThrow(RangeError);
  });
});
