import type { StagePhase } from '@laurel/domain';
import type { TranslationKey } from '@laurel/console-util';

/** 125 000 ms → "2:05"; an hour or more → "1:02:05". Rounded up, so 0:00 is shown only at the end. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export const phaseKey = (phase: StagePhase): TranslationKey => `pitch.phase.${phase}`;
