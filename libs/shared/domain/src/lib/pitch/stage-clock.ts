import type { OnStage, RunSheetSlot } from './stage.types';

export type StagePhase = 'pitch' | 'qa' | 'break' | 'overtime';

export interface StageClock {
  slotId: string;
  phase: StagePhase;
  /** Time on stage so far, pauses left out. */
  elapsedMs: number;
  /** Until the end of the phase; 0 in overtime. */
  remainingMs: number;
  /** How far past the planned end (pitch, questions and extensions); 0 before. */
  overtimeMs: number;
  /** Planned lengths with the extensions (a break's length is `pitchMs`; `qaMs` is 0). */
  pitchMs: number;
  qaMs: number;
  paused: boolean;
}

/**
 * The timer of the slot on stage at `now`, from stored instants only: elapsed = (the pause's
 * start, or now) − start − time paused before. A pitch of 300 s and questions of 300 s started at
 * t and never paused shows, at t + 420 s, the questions with 180 s left. Elapsed never goes
 * below 0, so a screen whose clock runs a little behind the database's shows a full pitch rather
 * than more than the full pitch.
 */
export function stageClock(slot: RunSheetSlot, onStage: OnStage, now: number): StageClock {
  const until = onStage.pausedAt ?? now;
  const elapsedMs = Math.max(0, until - onStage.startedAt - onStage.pausedMs);
  const pitchMs = (slot.kind === 'entry' ? slot.pitchSeconds : slot.seconds) * 1000 + onStage.extraPitchMs;
  const qaMs = slot.kind === 'entry' ? slot.qaSeconds * 1000 + onStage.extraQaMs : 0;
  const base = { slotId: slot.id, elapsedMs, pitchMs, qaMs, paused: onStage.pausedAt !== null };
  if (elapsedMs < pitchMs)
    return { ...base, phase: slot.kind === 'entry' ? 'pitch' : 'break', remainingMs: pitchMs - elapsedMs, overtimeMs: 0 };
  if (elapsedMs < pitchMs + qaMs) return { ...base, phase: 'qa', remainingMs: pitchMs + qaMs - elapsedMs, overtimeMs: 0 };
  return { ...base, phase: 'overtime', remainingMs: 0, overtimeMs: elapsedMs - pitchMs - qaMs };
}

/** Whether the questions of a team are over (or it had none and its pitch is): the time to submit. */
export function questionsOver(clock: StageClock): boolean {
  return clock.phase === 'overtime';
}
