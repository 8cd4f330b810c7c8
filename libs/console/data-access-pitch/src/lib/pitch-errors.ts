import { type TranslationKey, type UiMessage, apiErrorOf, toUiMessage } from '@laurel/console-util';

// Codes of libs/api/pitch with a sentence of ours in each language; others keep the API's own.
const CODES: Record<string, TranslationKey> = {
  'stage.stale': 'pitch.errors.stale',
  'stage.not_live': 'pitch.errors.notLive',
  'stage.round_not_open': 'pitch.errors.roundNotOpen',
  'stage.round_not_closed': 'pitch.errors.roundNotClosed',
  'stage.round_closed': 'pitch.errors.roundClosed',
  'stage.already_started': 'pitch.errors.alreadyStarted',
  'stage.finished': 'pitch.errors.finished',
  'stage.nothing_on_stage': 'pitch.errors.nothingOnStage',
  'stage.not_in_run_sheet': 'pitch.errors.notInRunSheet',
  'stage.already_done': 'pitch.errors.alreadyDone',
  'stage.reveal_complete': 'pitch.errors.revealComplete',
  'round.not_found': 'pitch.errors.roundNotFound',
  'live.ticket_invalid': 'pitch.errors.ticket',
};

/** What to tell the organizer or judge about a failed pitch-day call. */
export function pitchMessage(error: unknown): UiMessage {
  const code = apiErrorOf(error)?.code;
  const key = code ? CODES[code] : undefined;
  return key ? { key } : toUiMessage(error);
}
