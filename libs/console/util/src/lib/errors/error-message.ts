import { HttpErrorResponse } from '@angular/common/http';
import type { ApiError } from '@laurel/contracts';
import type { UiMessage } from '../i18n/ui-message';
import { type FieldLabels, refusalMessage, type StatusMessages } from './refusal-message';

export type { FieldLabels, StatusMessages } from './refusal-message';

/** The API's error body, when the failure carries one. */
export function apiErrorOf(error: unknown): ApiError | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body: unknown = error.error;
  if (body && typeof body === 'object' && typeof (body as ApiError).message === 'string') return body as ApiError;
  return null;
}

/**
 * The sentence a person sees for a failed call (see `refusalMessage`; `labels` name the page's
 * fields in a validation's problems); anything but an HTTP failure is "unexpected".
 */
export function toUiMessage(error: unknown, byStatus: StatusMessages = {}, labels: FieldLabels = {}): UiMessage {
  if (!(error instanceof HttpErrorResponse)) return { key: 'errors.unexpected' };
  return refusalMessage(error.status, apiErrorOf(error), error.headers?.get('retry-after') ?? null, byStatus, labels);
}
