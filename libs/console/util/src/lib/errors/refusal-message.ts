import { type ApiError, type ApiErrorCode, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@laurel/contracts';
import { CODE_MESSAGES } from './code-messages';
import type { TranslationKey, TranslationParams } from '../i18n/dictionary';
import type { UiMessage } from '../i18n/ui-message';
import { waitMinutes } from './throttle-wait';

/** What a status means where it happened: a 401 on the sign-in form is a wrong password. */
export type StatusMessages = Partial<Record<number, TranslationKey>>;

// Values a code's sentence names that the console knows itself (the password rules are shared).
const FIXED_PARAMS: Partial<Record<ApiErrorCode, TranslationParams>> = {
  'auth.weak_password': { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH },
};

// What a status means when the answer has no code (one the API did not give: a proxy's 413 in front
// of it; the API's own framework refusals carry `request.*` codes): said in the person's language.
const FALLBACKS: Partial<Record<number, TranslationKey>> = {
  400: 'errors.fallback.badInput',
  409: 'errors.fallback.conflict',
  413: 'errors.fallback.tooLarge',
  415: 'errors.fallback.unsupported',
  422: 'errors.fallback.rule',
};

const STATUS_MESSAGES: StatusMessages = {
  0: 'errors.network',
  401: 'errors.unauthenticated',
  403: 'errors.forbidden',
  404: 'errors.notFound',
  429: 'errors.throttled',
};

/**
 * The sentence a person sees for a refusal, in order of precedence: what this status means here
 * (`byStatus`), the fields of a 400 validation, our sentence for the API's code (every code has
 * one, with the values of its `params`), what the status means anywhere, the API's own sentence,
 * and last a translated "something went wrong", so that no failure is silent. `status` 0 is a
 * request that never reached the API.
 */
export function refusalMessage(
  status: number,
  api: ApiError | null,
  retryAfterHeader: string | null,
  byStatus: StatusMessages = {},
): UiMessage {
  const contextual = byStatus[status];
  if (contextual) return { key: contextual };
  if (api?.code === 'validation_failed' && api.fields?.length) {
    return { key: 'errors.validation', params: { fields: [...new Set(api.fields.map((f) => f.field))].join(', ') } };
  }
  const key = api?.code ? CODE_MESSAGES[api.code] : undefined;
  if (api?.code && key) {
    const params: Record<string, string | number> = { ...FIXED_PARAMS[api.code], ...api.params };
    if (status === 429) params['minutes'] = waitMinutes(api.details?.['retryAfterSeconds'], retryAfterHeader);
    return Object.keys(params).length > 0 ? { key, params } : { key };
  }
  const general = STATUS_MESSAGES[status];
  if (general) return { key: general };
  if (status >= 500 || !api) return { key: status >= 500 ? 'errors.server' : 'errors.unexpected' };
  return { text: api.message, fallback: { key: FALLBACKS[status] ?? 'errors.unexpected' } };
}
