/**
 * The run sheet and the stage of a live round (pitch day), as plain data. Times are
 * milliseconds since the epoch read from one clock (the database's), so every API instance and
 * every screen that is told the same state derives the same timer.
 */

/** A team's turn: the pitch, then the council's questions. */
export interface EntrySlot {
  /** `entry:<entry id>`: an entry pitches at most once, so its slot id follows from it. */
  id: string;
  kind: 'entry';
  entryId: string;
  pitchSeconds: number;
  qaSeconds: number;
}

/** A pause in the programme (coffee, a sponsor's word). */
export interface BreakSlot {
  /** `break:<n>`, chosen by whoever adds it. */
  id: string;
  kind: 'break';
  seconds: number;
  label: string | null;
}

export type RunSheetSlot = EntrySlot | BreakSlot;

/**
 * What became of a slot that is no longer waiting: `done` (it had its turn), `skipped` (passed
 * over; it may still be started later), `no_show` (the team did not come; likewise).
 */
export type SlotOutcome = 'done' | 'skipped' | 'no_show';

/** The slot on stage and its clock. */
export interface OnStage {
  slotId: string;
  startedAt: number;
  /** Set while the clock is paused. */
  pausedAt: number | null;
  /** Time spent paused before the current pause, if any. */
  pausedMs: number;
  /** Time added to the pitch (the one phase of a break) and to the questions. */
  extraPitchMs: number;
  extraQaMs: number;
}

export interface Stage {
  slots: RunSheetSlot[];
  /** The seed of the draw that gave the entries' order. */
  seed: string;
  outcomes: Record<string, SlotOutcome>;
  current: OnStage | null;
  /** When the first slot started: from then on the draw is final. */
  startedAt: number | null;
  /** When "next" found nothing left to start. */
  finishedAt: number | null;
  /** How many award tiers the board shows, 0 to 4 (encouragement, third, second, first). */
  revealStep: number;
}

export type StageAction =
  | { type: 'next' }
  | { type: 'start'; slotId: string }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'extend'; seconds: number }
  | { type: 'skip'; slotId?: string }
  | { type: 'no_show'; slotId?: string }
  | { type: 'reveal' };

export type StageActionType = StageAction['type'];

export const STAGE_ACTIONS: readonly StageActionType[] = ['next', 'start', 'pause', 'resume', 'extend', 'skip', 'no_show', 'reveal'];
