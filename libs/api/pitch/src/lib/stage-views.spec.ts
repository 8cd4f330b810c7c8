import { AppError } from '@laurel/api-core';
import type { PitchEntry, PitchRound } from '@laurel/api-database';
import { applyStageAction, createStage, StageRuleError } from '@laurel/domain';
import { fromRule } from './stage-errors';
import { entryOnStage, judgeStageView } from './stage-views';

const round: PitchRound = {
  id: '11111111-1111-4111-8111-111111111111',
  contestId: 'c',
  ownerId: 'o',
  contestStatus: 'judging',
  name: 'Chung kết',
  order: 2,
  status: 'open',
  blind: false,
  liveEnabled: true,
};
const entries = new Map<string, PitchEntry>([
  ['a', { id: 'a', code: 'R-001', title: 'Trạm sạc', teamName: 'SunCharge', categoryId: null }],
  ['b', { id: 'b', code: 'R-002', title: 'Bản đồ ngập', teamName: 'FloodMap', categoryId: null }],
]);
const T0 = Date.UTC(2026, 11, 5, 2, 0, 0);

describe(judgeStageView.name, () => {
  it('gives judges codes and titles but never a team name, and the instants as ISO text', () => {
    const stage = applyStageAction(createStage(['a', 'b'], 'seed'), { type: 'next' }, T0);
    const view = judgeStageView(round, 3, stage, entries, T0 + 1500);
    expect(view.slots.map((s) => (s.kind === 'entry' ? s.teamName : null))).toEqual([null, null]);
    expect(view.current).toEqual({
      slotId: stage.slots[0]?.id,
      startedAt: '2026-12-05T02:00:00.000Z',
      pausedAt: null,
      pausedMs: 0,
      extraPitchMs: 0,
      extraQaMs: 0,
    });
    expect(view.serverTime).toBe('2026-12-05T02:00:01.500Z');
    expect(JSON.stringify(view)).not.toMatch(/SunCharge|FloodMap/);
    expect(JSON.stringify(judgeStageView(round, 3, stage, entries, T0, true))).toMatch(/SunCharge/);
    const [first] = stage.slots;
    expect(entryOnStage(stage)).toBe(first?.kind === 'entry' ? first.entryId : null);
  });
});

describe(fromRule.name, () => {
  it('answers a wrong request with 422 and a bad moment with 409, with the rule’s problems and params', () => {
    const problem = { field: 'slotId', code: 'stage.slot_unknown' as const, params: {}, message: 'is not in the run sheet' };
    const invalid = fromRule(new StageRuleError('stage.not_in_run_sheet', 'invalid', 'not in the run sheet', [problem])) as AppError;
    const conflict = fromRule(new StageRuleError('stage.already_paused', 'conflict', 'already paused')) as AppError;
    const bounded = fromRule(
      new StageRuleError('stage.extend_invalid', 'invalid', 'from 1 to 1800', [], { min: 1, max: 1800 }),
    ) as AppError;
    expect(invalid.getStatus()).toBe(422);
    expect(invalid.fields).toEqual([problem]);
    expect(invalid.params).toBeUndefined();
    expect(conflict.getStatus()).toBe(409);
    expect(bounded.params).toEqual({ min: 1, max: 1800 });
    const other = new Error('boom');
    expect(fromRule(other)).toBe(other);
  });
});
