import type { PrizeTier, RoundStatus } from './contests';

/** Pitch day: the run sheet and the stage of a round run live in the hall. */

export const STAGE_ACTIONS = ['next', 'start', 'pause', 'resume', 'extend', 'skip', 'no_show', 'reveal'] as const;
export type StageActionType = (typeof STAGE_ACTIONS)[number];
export type SlotOutcome = 'done' | 'skipped' | 'no_show';

export interface EntrySlotInput {
  /** `entry:<entryId>`. */
  id: string;
  kind: 'entry';
  entryId: string;
  pitchSeconds: number;
  qaSeconds: number;
}

export interface BreakSlotInput {
  /** `break:` and up to 40 letters, digits, - or _, chosen by the editor. */
  id: string;
  kind: 'break';
  seconds: number;
  label?: string | null;
}

export type RunSheetSlotInput = EntrySlotInput | BreakSlotInput;

/** `PUT /api/rounds/:id/run-sheet`: the whole run sheet in its new order. */
export interface SaveRunSheetRequest {
  version: number;
  slots: RunSheetSlotInput[];
}

/** `POST /api/rounds/:id/run-sheet/draw`: the entries' order by lot, before the first team starts. */
export interface DrawRunSheetRequest {
  version: number;
  /** Absent: the server picks a seed (and says which). */
  seed?: string;
}

/** `POST /api/rounds/:id/stage`. */
export interface StageActionRequest {
  /** The version last read: a stage that moved on meanwhile answers 409 and changes nothing. */
  version: number;
  action: StageActionType;
  /** start (required), skip and no_show (default: the slot on stage, else the next waiting). */
  slotId?: string;
  /** extend: 1 to 1800. */
  seconds?: number;
}

interface SlotViewBase {
  id: string;
  outcome: SlotOutcome | null;
}

export interface EntrySlotView extends SlotViewBase {
  kind: 'entry';
  entryId: string;
  code: string | null;
  title: string;
  /** Null for judges (a blind round's judge never learns a team name from the stage either). */
  teamName: string | null;
  pitchSeconds: number;
  qaSeconds: number;
}

export interface BreakSlotView extends SlotViewBase {
  kind: 'break';
  seconds: number;
  label: string | null;
}

export type RunSheetSlotView = EntrySlotView | BreakSlotView;

/** The slot on stage: instants of the database's clock, from which every screen computes the timer. */
export interface OnStageView {
  slotId: string;
  startedAt: string;
  pausedAt: string | null;
  pausedMs: number;
  extraPitchMs: number;
  extraQaMs: number;
}

export interface StageJudgeView {
  judgeId: string;
  displayName: string;
  /** The current team's sheet is submitted (never its scores). */
  submitted: boolean;
  /** The judge recused from the current team, or has no sheet for it. */
  excused: boolean;
}

export interface RevealEntryView {
  entryId: string;
  code: string | null;
  title: string;
  teamName: string;
  rank: number | null;
  score: number | null;
  categoryId: string | null;
}

export interface RevealTierView {
  tier: PrizeTier;
  entries: RevealEntryView[];
}

/** What the judges' pages share: the run sheet (no team names), the slot on stage, the clock. */
export interface JudgeStageView {
  roundId: string;
  roundName: string;
  roundStatus: RoundStatus;
  version: number;
  slots: RunSheetSlotView[];
  current: OnStageView | null;
  startedAt: string | null;
  finishedAt: string | null;
  /** The database's clock when this view was made: a screen corrects its own clock by it. */
  serverTime: string;
}

/** `GET /api/rounds/:id/stage` for a judge of the round: the shared view and the judge's own assignment per entry. */
export interface MyStageView extends JudgeStageView {
  assignments: Record<string, string>;
}

/** The organizer's view (control page and projector board). */
export interface StageView extends JudgeStageView {
  contestId: string;
  seed: string;
  judges: StageJudgeView[];
  reveal: {
    /** 0 to 4: how many tiers are shown, from encouragement up to first. */
    step: number;
    /** Confirmed awards when there are any, else the proposal from the round's ranking. */
    source: 'confirmed' | 'proposed' | null;
    /** Only the tiers revealed so far: the board never holds what it must not show yet. */
    tiers: RevealTierView[];
  };
}

/**
 * `GET /api/rounds/:id/stage/events?ticket=`: server-sent events. `stage` carries a
 * StageView (organizer) or a JudgeStageView (judge) on connect and after every change;
 * a judge's stream also starts with `assignments` ({entryId: assignmentId}).
 */
export type StageEventName = 'stage' | 'assignments';
