import { type StatusMessages, type UiMessage, apiErrorOf, toUiMessage } from '@laurel/console-util';

/**
 * What to tell the organizer about a failed results call: the console's sentence for its code
 * (`toUiMessage`), except a refused award confirmation, which keeps the API's list of problems
 * (it names the entries concerned) under our sentence in other languages.
 */
export function resultsMessage(error: unknown, byStatus: StatusMessages = {}): UiMessage {
  const api = apiErrorOf(error);
  if (api?.code === 'awards.invalid') return { text: api.message, fallback: { key: 'results.errors.awardsInvalid' } };
  return toUiMessage(error, byStatus);
}

/** The API's error code, if any. */
export function errorCodeOf(error: unknown): string | null {
  return apiErrorOf(error)?.code ?? null;
}
