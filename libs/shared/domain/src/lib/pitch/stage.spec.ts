import fc from 'fast-check';
import { createStage, entrySlotId, replaceSlots, redraw, syncEntries } from './run-sheet';
import { applyStageAction, revealedTiers, upNext } from './stage';
import { stageClock } from './stage-clock';
import { StageRuleError } from './stage-rule-error';
import type { RunSheetSlot, Stage, StageAction } from './stage.types';
import { known } from '../util/known';

const T0 = Date.UTC(2026, 11, 5, 2, 0, 0);
const s = (seconds: number) => seconds * 1000;

/** Three teams in the order a, b, c with a break after b: written by hand, not drawn. */
function sheet(): Stage {
  const stage = createStage(['a', 'b', 'c'], 'seed');
  const slots: RunSheetSlot[] = [
    { id: 'entry:a', kind: 'entry', entryId: 'a', pitchSeconds: 300, qaSeconds: 180 },
    { id: 'entry:b', kind: 'entry', entryId: 'b', pitchSeconds: 300, qaSeconds: 180 },
    { id: 'break:coffee', kind: 'break', seconds: 600, label: 'Coffee' },
    { id: 'entry:c', kind: 'entry', entryId: 'c', pitchSeconds: 240, qaSeconds: 0 },
  ];
  return replaceSlots(stage, slots, ['a', 'b', 'c']);
}

const run = (stage: Stage, ...steps: [StageAction, number][]) =>
  steps.reduce((st, [action, at]) => applyStageAction(st, action, at), stage);
const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
};
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    if (error instanceof StageRuleError) return { code: error.code, kind: error.kind };
    throw error;
  }
  throw new Error('expected a refusal');
};

describe(applyStageAction.name, () => {
  it('"next" walks the run sheet in order, breaks included, then finishes', () => {
    let stage = sheet();
    const onStage: (string | null)[] = [];
    for (let i = 0; i < 5; i++) {
      stage = applyStageAction(stage, { type: 'next' }, T0 + s(60 * i));
      onStage.push(stage.current?.slotId ?? null);
    }
    expect(onStage).toEqual(['entry:a', 'entry:b', 'break:coffee', 'entry:c', null]);
    expect(stage.outcomes).toEqual({ 'entry:a': 'done', 'entry:b': 'done', 'break:coffee': 'done', 'entry:c': 'done' });
    expect(stage.startedAt).toBe(T0);
    expect(stage.finishedAt).toBe(T0 + s(240));
    expect(refusal(() => applyStageAction(stage, { type: 'next' }, T0 + s(300)))).toEqual({ code: 'stage.finished', kind: 'conflict' });
  });

  it('two "next" from the same state give the same stage: whoever stores first wins and nothing is passed over', () => {
    const before = run(sheet(), [{ type: 'next' }, T0]);
    const first = applyStageAction(before, { type: 'next' }, T0 + s(10));
    const second = applyStageAction(before, { type: 'next' }, T0 + s(10));
    expect(first).toEqual(second);
    expect(first.current?.slotId).toBe('entry:b');
    expect(upNext(first)?.id).toBe('break:coffee');
  });

  it('skips and no-shows leave the order, and "start" brings a late team back', () => {
    let stage = run(sheet(), [{ type: 'next' }, T0], [{ type: 'no_show', slotId: 'entry:b' }, T0 + s(100)]);
    expect(stage.current?.slotId).toBe('entry:a');
    expect(upNext(stage)?.id).toBe('break:coffee');
    stage = run(stage, [{ type: 'next' }, T0 + s(480)], [{ type: 'skip' }, T0 + s(490)]);
    // Skipping without naming a slot passes over the one on stage: the break, cut short.
    expect(stage.current).toBeNull();
    expect(stage.outcomes).toEqual({ 'entry:a': 'done', 'entry:b': 'no_show', 'break:coffee': 'skipped' });
    stage = run(stage, [{ type: 'start', slotId: 'entry:b' }, T0 + s(500)]);
    expect(stage.current?.slotId).toBe('entry:b');
    expect(stage.outcomes['entry:b']).toBeUndefined();
    stage = run(stage, [{ type: 'next' }, T0 + s(1000)], [{ type: 'next' }, T0 + s(1300)]);
    expect(stage.current).toBeNull();
    expect(stage.finishedAt).toBe(T0 + s(1300));
    expect(stage.outcomes).toEqual({ 'entry:a': 'done', 'entry:b': 'done', 'break:coffee': 'skipped', 'entry:c': 'done' });
  });

  it('refuses what makes no sense, saying so with a code', () => {
    const stage = sheet();
    expect(refusal(() => applyStageAction(stage, { type: 'start', slotId: 'entry:zzz' }, T0))).toEqual({
      code: 'stage.not_in_run_sheet',
      kind: 'invalid',
    });
    expect(refusal(() => applyStageAction(stage, { type: 'pause' }, T0))).toEqual({ code: 'stage.nothing_on_stage', kind: 'conflict' });
    const going = run(stage, [{ type: 'next' }, T0]);
    expect(refusal(() => applyStageAction(going, { type: 'start', slotId: 'entry:a' }, T0))).toEqual({
      code: 'stage.already_on_stage',
      kind: 'conflict',
    });
    expect(refusal(() => applyStageAction(going, { type: 'resume' }, T0))).toEqual({ code: 'stage.not_paused', kind: 'conflict' });
    expect(refusal(() => applyStageAction(going, { type: 'extend', seconds: 0 }, T0))).toEqual({
      code: 'stage.extend_invalid',
      kind: 'invalid',
    });
    // The sentence and the seconds field name the bounds: 1 s to MAX_EXTEND_SECONDS (30 min).
    expect(thrown(() => applyStageAction(going, { type: 'extend', seconds: 0 }, T0))).toMatchObject({
      params: { min: 1, max: 1800 },
      problems: [{ field: 'seconds', code: 'stage.extend_seconds', params: { min: 1, max: 1800 } }],
    });
    expect(refusal(() => applyStageAction(going, { type: 'no_show', slotId: 'break:coffee' }, T0))).toEqual({
      code: 'stage.break_no_show',
      kind: 'invalid',
    });
    const later = run(going, [{ type: 'next' }, T0 + s(1)]);
    expect(refusal(() => applyStageAction(later, { type: 'start', slotId: 'entry:a' }, T0))).toEqual({
      code: 'stage.already_done',
      kind: 'conflict',
    });
    expect(refusal(() => applyStageAction(later, { type: 'skip', slotId: 'entry:a' }, T0))).toEqual({
      code: 'stage.already_done',
      kind: 'conflict',
    });
    expect(refusal(() => run(later, [{ type: 'pause' }, T0], [{ type: 'pause' }, T0]))).toEqual({
      code: 'stage.already_paused',
      kind: 'conflict',
    });
  });

  it('reveals the tiers from encouragement up to first, one per step, and no further', () => {
    let stage = sheet();
    const shown: string[][] = [];
    for (let i = 0; i < 4; i++) {
      stage = applyStageAction(stage, { type: 'reveal' }, T0);
      shown.push(revealedTiers(stage.revealStep));
    }
    expect(shown).toEqual([
      ['encouragement'],
      ['encouragement', 'third'],
      ['encouragement', 'third', 'second'],
      ['encouragement', 'third', 'second', 'first'],
    ]);
    expect(refusal(() => applyStageAction(stage, { type: 'reveal' }, T0))).toEqual({ code: 'stage.reveal_complete', kind: 'conflict' });
    expect(revealedTiers(0)).toEqual([]);
  });

  it('never has two slots on stage, never a done slot on stage, and counts each slot done at most once (property)', () => {
    const actions = fc.array(
      fc.oneof(
        fc.constant<StageAction>({ type: 'next' }),
        fc
          .constantFrom('entry:a', 'entry:b', 'entry:c', 'break:coffee', 'entry:x')
          .map((slotId): StageAction => ({ type: 'start', slotId })),
        fc.constant<StageAction>({ type: 'pause' }),
        fc.constant<StageAction>({ type: 'resume' }),
        fc.integer({ min: 1, max: 120 }).map((seconds): StageAction => ({ type: 'extend', seconds })),
        fc.constantFrom(undefined, 'entry:a', 'entry:c').map((slotId): StageAction => ({ type: 'skip', slotId })),
        fc.constantFrom(undefined, 'entry:b').map((slotId): StageAction => ({ type: 'no_show', slotId })),
      ),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(actions, fc.array(fc.integer({ min: 0, max: 600_000 }), { minLength: 40, maxLength: 40 }), (steps, gaps) => {
        let stage = sheet();
        let now = T0;
        let starts = 0;
        steps.forEach((action, i) => {
          now += known(gaps[i], 'a gap; there are as many as the most steps');
          try {
            const next = applyStageAction(stage, action, now);
            if (next.current && next.current.slotId !== stage.current?.slotId) starts++;
            stage = next;
          } catch (error) {
            if (!(error instanceof StageRuleError)) throw error;
          }
          if (stage.current && stage.outcomes[stage.current.slotId] !== undefined) throw new Error('a slot on stage has an outcome');
          if (stage.current) {
            const clock = stageClock(stage.slots.find((x) => x.id === stage.current?.slotId) as RunSheetSlot, stage.current, now);
            if (clock.elapsedMs < 0 || clock.remainingMs < 0 || clock.overtimeMs < 0) throw new Error('a negative time');
          }
        });
        const done = Object.values(stage.outcomes).filter((o) => o === 'done').length;
        // Every start ends as done, skipped, no-show or still on stage; a done slot never starts again.
        return done <= starts && done <= stage.slots.length;
      }),
    );
  });
});

describe(stageClock.name, () => {
  const slot: RunSheetSlot = { id: 'entry:a', kind: 'entry', entryId: 'a', pitchSeconds: 300, qaSeconds: 180 };

  it('counts the pitch, then the questions, then overtime', () => {
    const stage = run(sheet(), [{ type: 'next' }, T0]);
    const current = stage.current as NonNullable<Stage['current']>;
    // 120 s in: pitch, 300 − 120 = 180 s left.
    expect(stageClock(slot, current, T0 + s(120))).toMatchObject({ phase: 'pitch', remainingMs: s(180), overtimeMs: 0, paused: false });
    // 420 s in: questions, 300 + 180 − 420 = 60 s left.
    expect(stageClock(slot, current, T0 + s(420))).toMatchObject({ phase: 'qa', remainingMs: s(60) });
    // 500 s in: 500 − 480 = 20 s over.
    expect(stageClock(slot, current, T0 + s(500))).toMatchObject({ phase: 'overtime', remainingMs: 0, overtimeMs: s(20) });
    // A screen a little behind the database never shows more than the full pitch.
    expect(stageClock(slot, current, T0 - s(2))).toMatchObject({ phase: 'pitch', remainingMs: s(300), elapsedMs: 0 });
  });

  it('leaves paused time out, and every instance derives the same timer from the stored instants', () => {
    // Started at T0, paused at 100 s for 50 s (resumed at 150 s), paused again at 200 s.
    const stage = run(
      sheet(),
      [{ type: 'next' }, T0],
      [{ type: 'pause' }, T0 + s(100)],
      [{ type: 'resume' }, T0 + s(150)],
      [{ type: 'pause' }, T0 + s(200)],
    );
    const current = stage.current as NonNullable<Stage['current']>;
    expect(current).toMatchObject({ pausedAt: T0 + s(200), pausedMs: s(50) });
    // Elapsed = 200 − 0 − 50 = 150 s, whenever it is read while paused.
    expect(stageClock(slot, current, T0 + s(250))).toMatchObject({ phase: 'pitch', elapsedMs: s(150), remainingMs: s(150), paused: true });
    expect(stageClock(slot, current, T0 + s(9999))).toEqual(stageClock(slot, current, T0 + s(250)));
    // A round trip through JSON (the database, the event stream) changes nothing.
    expect(stageClock(slot, JSON.parse(JSON.stringify(current)), T0 + s(250))).toEqual(stageClock(slot, current, T0 + s(250)));
  });

  it('extends the phase under way, and in overtime counts the extension from now', () => {
    // 60 s into the pitch, +60 s: the pitch is 360 s, questions still 180 s.
    const inPitch = run(sheet(), [{ type: 'next' }, T0], [{ type: 'extend', seconds: 60 }, T0 + s(60)]);
    expect(stageClock(slot, inPitch.current as NonNullable<Stage['current']>, T0 + s(61))).toMatchObject({
      phase: 'pitch',
      pitchMs: s(360),
      qaMs: s(180),
    });
    // 530 s in is 50 s over (480 planned); +120 s makes the questions 180 + 50 + 120 = 350 s: 120 s left.
    const over = run(sheet(), [{ type: 'next' }, T0], [{ type: 'extend', seconds: 120 }, T0 + s(530)]);
    expect(stageClock(slot, over.current as NonNullable<Stage['current']>, T0 + s(530))).toMatchObject({
      phase: 'qa',
      qaMs: s(350),
      remainingMs: s(120),
    });
  });

  it('runs a break as one phase', () => {
    const coffee: RunSheetSlot = { id: 'break:coffee', kind: 'break', seconds: 600, label: 'Coffee' };
    const stage = run(sheet(), [{ type: 'start', slotId: 'break:coffee' }, T0]);
    expect(stageClock(coffee, stage.current as NonNullable<Stage['current']>, T0 + s(100))).toMatchObject({
      phase: 'break',
      remainingMs: s(500),
      qaMs: 0,
    });
    expect(stageClock(coffee, stage.current as NonNullable<Stage['current']>, T0 + s(700))).toMatchObject({
      phase: 'overtime',
      overtimeMs: s(100),
    });
  });
});

describe('run sheet', () => {
  it('draws the same order from the same seed, and redraws only before the start, breaks in place', () => {
    const ids = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6'];
    expect(createStage(ids, 'hall-a').slots).toEqual(createStage([...ids].reverse(), 'hall-a').slots);
    const withBreak = replaceSlots(
      createStage(ids, 'hall-a'),
      [
        ...createStage(ids, 'hall-a').slots.slice(0, 3),
        { id: 'break:1', kind: 'break', seconds: 900, label: null },
        ...createStage(ids, 'hall-a').slots.slice(3),
      ],
      ids,
    );
    const again = redraw(withBreak, 'hall-b');
    expect(again.seed).toBe('hall-b');
    expect(again.slots[3]).toEqual({ id: 'break:1', kind: 'break', seconds: 900, label: null });
    expect(
      again.slots
        .filter((x) => x.kind === 'entry')
        .map((x) => x.id)
        .sort(),
    ).toEqual(ids.map(entrySlotId).sort());
    const started = applyStageAction(again, { type: 'next' }, T0);
    expect(refusal(() => redraw(started, 'hall-c'))).toEqual({ code: 'stage.already_started', kind: 'conflict' });
  });

  it('refuses a run sheet that misses a team, repeats one, names a stranger or loses a turn already taken', () => {
    const stage = run(sheet(), [{ type: 'next' }, T0]);
    const slots = stage.slots;
    const [s0, s1, s2, s3] = slots;
    expect(slots).toHaveLength(4);
    if (!s0 || !s1 || !s2 || !s3) return;
    // The API names a team by its code; here "ST-" and the id.
    const problems = (edited: RunSheetSlot[], from = stage) => {
      try {
        replaceSlots(from, edited, ['a', 'b', 'c'], (id) => `ST-${id}`);
      } catch (error) {
        return (error as StageRuleError).problems.map(({ field, code, params }) => ({ field, code, params }));
      }
      return [];
    };
    expect(problems([s1, s0, s2, s3])).toEqual([]);
    expect(problems([s0, s1, s2])).toEqual([{ field: 'slots', code: 'run_sheet.entry_missing', params: { entry: 'ST-c' } }]);
    // b again on line 5: its slot id and its team are both repeats.
    expect(problems([...slots, s1])).toEqual([
      { field: 'slots.4.id', code: 'run_sheet.slot_repeated', params: { position: 5 } },
      { field: 'slots.4.entryId', code: 'run_sheet.entry_repeated', params: { position: 5, entry: 'ST-b' } },
    ]);
    expect(problems([...slots, { id: 'entry:x', kind: 'entry', entryId: 'x', pitchSeconds: 300, qaSeconds: 0 }])).toEqual([
      { field: 'slots.4.entryId', code: 'run_sheet.entry_unknown', params: { position: 5 } },
    ]);
    // a is on stage: leaving it out misses a team of the round and a turn already taken.
    expect(problems([s1, s2, s3])).toEqual([
      { field: 'slots', code: 'run_sheet.entry_missing', params: { entry: 'ST-a' } },
      { field: 'slots', code: 'run_sheet.on_stage_missing', params: { slot: 'ST-a' } },
    ]);
    // A pitch of 10 s is under the 30 s minimum; "coffee" lacks the "break:" prefix.
    expect(problems([{ ...s0, pitchSeconds: 10 } as RunSheetSlot, s1, { ...s2, id: 'coffee' } as RunSheetSlot, s3])).toEqual([
      { field: 'slots.0.pitchSeconds', code: 'run_sheet.pitch_seconds', params: { position: 1, min: 30, max: 3600 } },
      { field: 'slots.2.id', code: 'run_sheet.break_id', params: { position: 3, max: 40 } },
    ]);
    // Two more "next": b has pitched and the coffee break is under way; a break is named by its label.
    const onBreak = run(stage, [{ type: 'next' }, T0 + s(1)], [{ type: 'next' }, T0 + s(2)]);
    expect(onBreak.current?.slotId).toBe('break:coffee');
    expect(problems([s0, s1, s3], onBreak)).toEqual([{ field: 'slots', code: 'run_sheet.on_stage_missing', params: { slot: 'Coffee' } }]);
  });

  it('adds entries new to the round at the end and drops those gone, unless they have been on stage', () => {
    const stage = run(sheet(), [{ type: 'next' }, T0]);
    const synced = syncEntries(stage, ['b', 'c', 'd']);
    expect(synced.slots.map((x) => x.id)).toEqual(['entry:a', 'entry:b', 'break:coffee', 'entry:c', 'entry:d']);
    expect(syncEntries(synced, ['b', 'c', 'd'])).toBe(synced);
    expect(syncEntries(sheet(), ['b', 'c']).slots.map((x) => x.id)).toEqual(['entry:b', 'break:coffee', 'entry:c']);
  });
});
