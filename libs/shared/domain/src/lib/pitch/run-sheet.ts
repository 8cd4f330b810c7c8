import { drawOrder } from './draw';
import { type StageProblem, type StageProblemCode, StageRuleError } from './stage-rule-error';
import type { EntrySlot, RunSheetSlot, Stage } from './stage.types';
import { known } from '../util/known';

/** A pitch of 5 minutes and 5 minutes of questions: the usual final of a city contest. */
export const DEFAULT_PITCH_SECONDS = 300;
export const DEFAULT_QA_SECONDS = 300;

/** Bounds a person would not exceed on purpose: a pitch of 30 s to 1 h, questions up to 1 h, a break up to 2 h. */
export const SLOT_LIMITS = {
  pitchSeconds: { min: 30, max: 3600 },
  qaSeconds: { min: 0, max: 3600 },
  breakSeconds: { min: 60, max: 7200 },
} as const;

export const entrySlotId = (entryId: string) => `entry:${entryId}`;

const BREAK_ID_LENGTH = 40;
const BREAK_ID = new RegExp(`^break:[A-Za-z0-9_-]{1,${BREAK_ID_LENGTH}}$`);

/** A run sheet for the entries in the order drawn with `seed`, each with the default minutes. */
export function createStage(
  entryIds: readonly string[],
  seed: string,
  timing = { pitchSeconds: DEFAULT_PITCH_SECONDS, qaSeconds: DEFAULT_QA_SECONDS },
): Stage {
  return {
    slots: drawOrder(entryIds, seed).map((entryId) => entrySlot(entryId, timing.pitchSeconds, timing.qaSeconds)),
    seed,
    outcomes: {},
    current: null,
    startedAt: null,
    finishedAt: null,
    revealStep: 0,
  };
}

/**
 * A new draw before the start: the entries take the order drawn with `seed` and keep their own
 * minutes; breaks stay at their places (a break after the fourth team stays after the fourth).
 */
export function redraw(stage: Stage, seed: string): Stage {
  if (stage.startedAt !== null) {
    throw new StageRuleError(
      'stage.already_started',
      'conflict',
      'The first team has already started, so the order can no longer be drawn again. Reorder the teams still waiting by hand instead.',
    );
  }
  const entrySlots = new Map(stage.slots.filter(isEntrySlot).map((s) => [s.entryId, s]));
  const drawn = drawOrder([...entrySlots.keys()], seed);
  // The draw returns the same entries in a new order: one for every entry slot.
  const remaining = drawn.values();
  const slots = stage.slots.map((slot) =>
    slot.kind === 'break' ? slot : known(entrySlots.get(known(remaining.next().value, 'a drawn entry')), 'the slot of a drawn entry'),
  );
  return { ...stage, slots, seed };
}

/**
 * Brings the run sheet in line with the entries the round now covers: entries new to the round
 * join at the end (in the order of the stage's seed); entries no longer in it leave, unless they
 * have already been on stage (their turn stays on record).
 */
export function syncEntries(stage: Stage, entryIds: readonly string[]): Stage {
  const wanted = new Set(entryIds);
  const kept = stage.slots.filter(
    (s) => s.kind === 'break' || wanted.has(s.entryId) || stage.outcomes[s.id] !== undefined || stage.current?.slotId === s.id,
  );
  const present = new Set(kept.filter(isEntrySlot).map((s) => s.entryId));
  const missing = drawOrder(
    entryIds.filter((id) => !present.has(id)),
    stage.seed,
  );
  if (missing.length === 0 && kept.length === stage.slots.length) return stage;
  const timing = kept.find(isEntrySlot) ?? { pitchSeconds: DEFAULT_PITCH_SECONDS, qaSeconds: DEFAULT_QA_SECONDS };
  return { ...stage, slots: [...kept, ...missing.map((id) => entrySlot(id, timing.pitchSeconds, timing.qaSeconds))] };
}

/**
 * Replaces the run sheet (order, minutes, breaks) as the organizer edited it. Every entry of the
 * round appears exactly once; a slot that has started or has an outcome keeps its id and team
 * (its turn is history), though it may move. Refusals name each faulty slot by its line (from 1)
 * and a team by `labelOf` (the API gives its code).
 */
export function replaceSlots(
  stage: Stage,
  slots: readonly RunSheetSlot[],
  entryIds: readonly string[],
  labelOf: (entryId: string) => string = (entryId) => entryId,
): Stage {
  const problems: StageProblem[] = [];
  const round = new Set(entryIds);
  const seenIds = new Set<string>();
  const seenEntries = new Set<string>();
  slots.forEach((slot, i) => {
    const field = `slots.${i}`;
    const position = i + 1;
    if (seenIds.has(slot.id)) problems.push(problem(`${field}.id`, 'run_sheet.slot_repeated', { position }, 'appears twice'));
    seenIds.add(slot.id);
    if (slot.kind === 'entry') {
      if (!round.has(slot.entryId)) {
        problems.push(problem(`${field}.entryId`, 'run_sheet.entry_unknown', { position }, 'is not an entry of this round'));
      } else if (seenEntries.has(slot.entryId)) {
        const entry = labelOf(slot.entryId);
        problems.push(problem(`${field}.entryId`, 'run_sheet.entry_repeated', { position, entry }, 'appears twice: a team pitches once'));
      }
      seenEntries.add(slot.entryId);
      const expected = entrySlotId(slot.entryId);
      if (slot.id !== expected) problems.push(problem(`${field}.id`, 'run_sheet.slot_id', { position, expected }, `must be ${expected}`));
      outOfRange(slot.pitchSeconds, SLOT_LIMITS.pitchSeconds, `${field}.pitchSeconds`, 'run_sheet.pitch_seconds', position, problems);
      outOfRange(slot.qaSeconds, SLOT_LIMITS.qaSeconds, `${field}.qaSeconds`, 'run_sheet.qa_seconds', position, problems);
    } else {
      if (!BREAK_ID.test(slot.id)) {
        problems.push(
          problem(
            `${field}.id`,
            'run_sheet.break_id',
            { position, max: BREAK_ID_LENGTH },
            `must be break: followed by up to ${BREAK_ID_LENGTH} letters, digits, - or _`,
          ),
        );
      }
      outOfRange(slot.seconds, SLOT_LIMITS.breakSeconds, `${field}.seconds`, 'run_sheet.break_seconds', position, problems);
    }
  });
  for (const id of entryIds) {
    if (!seenEntries.has(id)) {
      problems.push(
        problem(
          'slots',
          'run_sheet.entry_missing',
          { entry: labelOf(id) },
          `misses entry ${id}: every team of the round has a slot (mark a team that does not come as "no show")`,
        ),
      );
    }
  }
  for (const old of stage.slots) {
    if (stage.outcomes[old.id] === undefined && stage.current?.slotId !== old.id) continue;
    if (slots.some((s) => s.id === old.id)) continue;
    const slot = old.kind === 'entry' ? labelOf(old.entryId) : (old.label ?? old.id);
    problems.push(problem('slots', 'run_sheet.on_stage_missing', { slot }, `misses ${old.id}, which has already been on stage`));
  }
  if (problems.length > 0) {
    throw new StageRuleError(
      'run_sheet.invalid',
      'invalid',
      `The run sheet cannot be saved: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}.`,
      problems,
    );
  }
  return { ...stage, slots: slots.map((s) => ({ ...s })) };
}

export function isEntrySlot(slot: RunSheetSlot): slot is EntrySlot {
  return slot.kind === 'entry';
}

function entrySlot(entryId: string, pitchSeconds: number, qaSeconds: number): EntrySlot {
  return { id: entrySlotId(entryId), kind: 'entry', entryId, pitchSeconds, qaSeconds };
}

function problem(field: string, code: StageProblemCode, params: StageProblem['params'], message: string): StageProblem {
  return { field, code, params, message };
}

function outOfRange(
  value: number,
  range: { min: number; max: number },
  field: string,
  code: StageProblemCode,
  position: number,
  problems: StageProblem[],
): void {
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    problems.push(
      problem(
        field,
        code,
        { position, min: range.min, max: range.max },
        `must be a whole number of seconds from ${range.min} to ${range.max}`,
      ),
    );
  }
}
