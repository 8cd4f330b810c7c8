import fc from 'fast-check';
import { pickExtraJudge } from './pick-extra-judge';

const ids = (...names: string[]) => names.map((id) => ({ id }));

describe(pickExtraJudge.name, () => {
  // Round: entries e1..e3; j1 and j2 judge e1; j1 also e2, j3 e3, j4 e2 and e3.
  // Loads: j1 2, j2 1, j3 1, j4 2. For e1 (divergent): j1 and j2 already have it; j3 conflicts.
  // Left: j4 (load 2) → j4, although j3 has the lower load.
  const existing = [
    { entryId: 'e1', judgeId: 'j1' },
    { entryId: 'e1', judgeId: 'j2' },
    { entryId: 'e2', judgeId: 'j1' },
    { entryId: 'e3', judgeId: 'j3' },
    { entryId: 'e2', judgeId: 'j4' },
    { entryId: 'e3', judgeId: 'j4' },
  ];
  const base = { entryId: 'e1', entries: ids('e1', 'e2', 'e3'), judges: ids('j1', 'j2', 'j3', 'j4'), existing, seed: 1 };

  it('respects conflicts and never picks a judge who already has the entry', () => {
    expect(pickExtraJudge({ ...base, conflicts: [{ judgeId: 'j3', entryId: 'e1' }] })).toEqual({ ok: true, judgeId: 'j4', load: 2 });
  });

  it('takes the least loaded of the judges left', () => {
    // Without the conflict: j3 (load 1) beats j4 (load 2).
    expect(pickExtraJudge({ ...base, conflicts: [] })).toEqual({ ok: true, judgeId: 'j3', load: 1 });
  });

  it('says so when no judge is left', () => {
    expect(pickExtraJudge({ ...base, judges: ids('j1', 'j2', 'j3'), conflicts: [{ judgeId: 'j3', entryId: 'e1' }] })).toEqual({
      ok: false,
      reason: 'no_judge_without_conflict',
    });
  });

  it('always picks a least-loaded eligible judge, reproducibly for a seed (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 5 })), { maxLength: 20 }),
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 3 }),
        fc.integer(),
        (pairs, conflicted, seed) => {
          const entries = ids('e0', 'e1', 'e2', 'e3', 'e4');
          const judges = ids('j0', 'j1', 'j2', 'j3', 'j4', 'j5');
          const rows = [...new Set(pairs.map(([e, j]) => `e${e}|j${j}`))].map((key) => {
            const [entryId = '', judgeId = ''] = key.split('|');
            return { entryId, judgeId };
          });
          const conflicts = conflicted.map((j) => ({ judgeId: `j${j}`, entryId: 'e0' }));
          const input = { entryId: 'e0', entries, judges, existing: rows, conflicts, seed };
          const result = pickExtraJudge(input);
          const load = (judgeId: string) => rows.filter((r) => r.judgeId === judgeId).length;
          const eligible = judges
            .map((j) => j.id)
            .filter((j) => !rows.some((r) => r.entryId === 'e0' && r.judgeId === j) && !conflicts.some((c) => c.judgeId === j));
          if (!result.ok) return eligible.length === 0;
          return (
            eligible.includes(result.judgeId) &&
            load(result.judgeId) === Math.min(...eligible.map(load)) &&
            JSON.stringify(pickExtraJudge(input)) === JSON.stringify(result)
          );
        },
      ),
    );
  });
});
