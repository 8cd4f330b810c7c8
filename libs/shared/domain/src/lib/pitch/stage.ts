import { stageClock } from './stage-clock';
import { StageRuleError } from './stage-rule-error';
import type { OnStage, RunSheetSlot, Stage, StageAction } from './stage.types';

/** The most one "extend" adds: 30 minutes. */
export const MAX_EXTEND_SECONDS = 1800;
/** Award tiers in the order they are revealed, lowest first, so the first prize comes last. */
export const REVEAL_ORDER = ['encouragement', 'third', 'second', 'first'] as const;

/**
 * The stage after `action` at `now`. Pure: the caller stores the answer only if nobody changed
 * the stage meanwhile (a version check), so two organizers pressing "next" at once move it once.
 *
 * - next: the slot on stage (if any) is done; the first waiting slot in run-sheet order goes on.
 *   Nothing waiting: the stage is finished.
 * - start: a given slot goes on (a jump, or a skipped or absent team that turned up after all);
 *   the slot on stage is done. A slot that is done cannot start again.
 * - pause / resume: stop and restart the clock; the paused time does not count.
 * - extend: adds time to the phase under way; in overtime, the time counts from now.
 * - skip / no_show: the slot named (or the one on stage, or else the next waiting) will not go on
 *   now; if it was on stage, the stage waits for the next start.
 * - reveal: the board shows one more award tier.
 */
export function applyStageAction(stage: Stage, action: StageAction, now: number): Stage {
  switch (action.type) {
    case 'next': {
      const after = retire(stage, 'done');
      const next = after.slots.find((s) => waiting(after, s));
      if (!next) {
        if (stage.current === null && stage.finishedAt !== null) {
          throw new StageRuleError(
            'stage.finished',
            'conflict',
            'Every slot of the run sheet has had its turn. Start a skipped or absent team by name if it turns up.',
          );
        }
        return { ...after, finishedAt: now };
      }
      return goOn(after, next, now);
    }
    case 'start': {
      const slot = slotOf(stage, action.slotId);
      if (stage.current?.slotId === slot.id)
        throw new StageRuleError('stage.already_on_stage', 'conflict', `${label(slot)} is already on stage.`);
      if (stage.outcomes[slot.id] === 'done') {
        throw new StageRuleError(
          'stage.already_done',
          'conflict',
          `${label(slot)} has already had its turn. Choose a team that is still waiting.`,
        );
      }
      return goOn(retire(stage, 'done'), slot, now);
    }
    case 'pause': {
      const current = onStage(stage);
      if (current.pausedAt !== null)
        throw new StageRuleError('stage.already_paused', 'conflict', 'The clock is already paused. Resume it to go on.');
      return { ...stage, current: { ...current, pausedAt: now } };
    }
    case 'resume': {
      const current = onStage(stage);
      if (current.pausedAt === null)
        throw new StageRuleError('stage.not_paused', 'conflict', 'The clock is running; there is nothing to resume.');
      return { ...stage, current: { ...current, pausedAt: null, pausedMs: current.pausedMs + Math.max(0, now - current.pausedAt) } };
    }
    case 'extend': {
      if (!Number.isInteger(action.seconds) || action.seconds < 1 || action.seconds > MAX_EXTEND_SECONDS) {
        throw new StageRuleError(
          'stage.extend_invalid',
          'invalid',
          `An extension is a whole number of seconds from 1 to ${MAX_EXTEND_SECONDS}.`,
          [
            {
              field: 'seconds',
              code: 'stage.extend_seconds',
              params: { min: 1, max: MAX_EXTEND_SECONDS },
              message: `must be a whole number from 1 to ${MAX_EXTEND_SECONDS}`,
            },
          ],
          { min: 1, max: MAX_EXTEND_SECONDS },
        );
      }
      const current = onStage(stage);
      const slot = slotOf(stage, current.slotId);
      const clock = stageClock(slot, current, now);
      const ms = action.seconds * 1000;
      const extended: OnStage =
        clock.phase === 'pitch' || clock.phase === 'break' || (clock.phase === 'overtime' && slot.kind === 'break')
          ? { ...current, extraPitchMs: current.extraPitchMs + clock.overtimeMs + ms }
          : { ...current, extraQaMs: current.extraQaMs + clock.overtimeMs + ms };
      return { ...stage, current: extended };
    }
    case 'skip':
    case 'no_show': {
      const slot =
        action.slotId !== undefined
          ? slotOf(stage, action.slotId)
          : stage.current
            ? slotOf(stage, stage.current.slotId)
            : stage.slots.find((s) => waiting(stage, s));
      if (!slot) throw new StageRuleError('stage.nothing_waiting', 'conflict', 'No slot is waiting or on stage.');
      if (action.type === 'no_show' && slot.kind === 'break') {
        throw new StageRuleError('stage.break_no_show', 'invalid', 'A break cannot be a no-show. Skip it instead.', [
          { field: 'slotId', code: 'stage.slot_is_break', params: {}, message: 'is a break' },
        ]);
      }
      if (stage.outcomes[slot.id] === 'done')
        throw new StageRuleError('stage.already_done', 'conflict', `${label(slot)} has already had its turn.`);
      if (stage.outcomes[slot.id] === (action.type === 'skip' ? 'skipped' : 'no_show')) {
        throw new StageRuleError(
          'stage.already_marked',
          'conflict',
          `${label(slot)} is already marked ${action.type === 'skip' ? 'skipped' : 'no show'}.`,
        );
      }
      const current = stage.current?.slotId === slot.id ? null : stage.current;
      return { ...stage, current, outcomes: { ...stage.outcomes, [slot.id]: action.type === 'skip' ? 'skipped' : 'no_show' } };
    }
    case 'reveal': {
      if (stage.revealStep >= REVEAL_ORDER.length)
        throw new StageRuleError('stage.reveal_complete', 'conflict', 'Every award tier is already shown, the first prize included.');
      return { ...stage, revealStep: stage.revealStep + 1 };
    }
  }
}

/** The slot waiting to go on after the one on stage: what "next" would start. */
export function upNext(stage: Stage): RunSheetSlot | null {
  return stage.slots.find((s) => waiting(stage, s)) ?? null;
}

/** Award tiers the board shows at a reveal step, in the order they were revealed. */
export function revealedTiers(step: number): (typeof REVEAL_ORDER)[number][] {
  return REVEAL_ORDER.slice(0, Math.max(0, Math.min(step, REVEAL_ORDER.length)));
}

function waiting(stage: Stage, slot: RunSheetSlot): boolean {
  return stage.outcomes[slot.id] === undefined && stage.current?.slotId !== slot.id;
}

function slotOf(stage: Stage, slotId: string): RunSheetSlot {
  const slot = stage.slots.find((s) => s.id === slotId);
  if (!slot) {
    throw new StageRuleError(
      'stage.not_in_run_sheet',
      'invalid',
      'That team or break is not in the run sheet of this round. Reload the run sheet and choose from it.',
      [{ field: 'slotId', code: 'stage.slot_unknown', params: {}, message: 'is not in the run sheet' }],
    );
  }
  return slot;
}

function onStage(stage: Stage): OnStage {
  if (!stage.current) throw new StageRuleError('stage.nothing_on_stage', 'conflict', 'No team is on stage. Start the next team first.');
  return stage.current;
}

/** The slot on stage leaves it with `outcome`. */
function retire(stage: Stage, outcome: 'done'): Stage {
  if (!stage.current) return stage;
  return { ...stage, current: null, outcomes: { ...stage.outcomes, [stage.current.slotId]: outcome } };
}

function goOn(stage: Stage, slot: RunSheetSlot, now: number): Stage {
  const outcomes = { ...stage.outcomes };
  delete outcomes[slot.id];
  return {
    ...stage,
    outcomes,
    current: { slotId: slot.id, startedAt: now, pausedAt: null, pausedMs: 0, extraPitchMs: 0, extraQaMs: 0 },
    startedAt: stage.startedAt ?? now,
    finishedAt: null,
  };
}

function label(slot: RunSheetSlot): string {
  return slot.kind === 'entry' ? 'This team' : 'This break';
}
