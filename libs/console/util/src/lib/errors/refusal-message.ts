import { type ApiError, type ApiErrorCode, type ApiFieldProblem, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@laurel/contracts';
import { CODE_MESSAGES } from './code-messages';
import type { TranslationKey, TranslationParam } from '../i18n/dictionary';
import type { UiMessage } from '../i18n/ui-message';
import { CONTEST_FIELD_NAMES, type FieldLabels, ROUND_FIELD_NAMES } from './field-names';
import { fieldProblemMessage, fieldProblemWithChoices } from './field-problem-messages';
import { localeParams, sentenceFor, type Variants } from './locale-params';
import { waitMinutes } from './throttle-wait';

/** What a status means where it happened: a 401 on the sign-in form is a wrong password. */
export type StatusMessages = Partial<Record<number, TranslationKey>>;

export type { FieldLabels } from './field-names';

// Values a code's sentence names that the console knows itself (the password rules are shared).
const FIXED_PARAMS: Partial<Record<ApiErrorCode, Record<string, number>>> = {
  'auth.weak_password': { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH },
};

// A refusal whose lines each say what to change: its own opening, then the lines (the password rules a new password broke).
const LINES_AFTER: Partial<Record<ApiErrorCode, TranslationKey>> = {
  'auth.weak_password': 'errors.weakPasswordLines',
};

// A code thrown with different values in different places has a sentence for each value it names.
const CODE_VARIANTS: Partial<Record<ApiErrorCode, Variants>> = {
  'vote.closed': [
    ['round', 'results.vote.errors.roundOver'],
    ['closesAt', 'results.vote.errors.closedAt'],
  ],
};

// A param naming fields of a closed list by their API names ("slug, codePrefix"): said by their names in the reader's language.
const NAMED_FIELDS: Partial<Record<ApiErrorCode, { param: string; names: FieldLabels }>> = {
  'contest.field_locked': { param: 'fields', names: CONTEST_FIELD_NAMES },
  'round.field_locked': { param: 'fields', names: ROUND_FIELD_NAMES },
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
 * (`byStatus`), each field problem of a 400 validation (named by the page's `labels`), our sentence
 * for the API's code (every code has one, with the values of its `params` written the reader's
 * way), what the status means anywhere, the API's own sentence, and last a translated "something
 * went wrong", so that no failure is silent. `status` 0 is a request that never reached the API.
 */
export function refusalMessage(
  status: number,
  api: ApiError | null,
  retryAfterHeader: string | null,
  byStatus: StatusMessages = {},
  labels: FieldLabels = {},
): UiMessage {
  const contextual = byStatus[status];
  if (contextual) return { key: contextual };
  if (api?.code === 'validation_failed' && api.fields?.length) {
    return { key: 'errors.validation', params: { problems: { messages: api.fields.map((problem) => problemLine(problem, labels)) } } };
  }
  const opening = api?.code ? LINES_AFTER[api.code] : undefined;
  if (opening && api?.fields?.length) return { key: opening, params: { problems: { messages: api.fields.map(fieldProblemMessage) } } };
  const key = api?.code ? CODE_MESSAGES[api.code] : undefined;
  if (api?.code && key) {
    const values: Record<string, string | number> = { ...FIXED_PARAMS[api.code], ...api.params };
    if (status === 429) values['minutes'] = waitMinutes(api.details?.['retryAfterSeconds'], retryAfterHeader);
    const sentence = sentenceFor(key, CODE_VARIANTS[api.code], values);
    if (Object.keys(values).length === 0) return { key: sentence };
    const params = localeParams(values);
    const named = NAMED_FIELDS[api.code];
    const fields = named ? values[named.param] : undefined;
    if (named && typeof fields === 'string') params[named.param] = { list: fields.split(', ').map((name) => labelOf(name, named.names)) };
    return { key: sentence, params };
  }
  const general = STATUS_MESSAGES[status];
  if (general) return { key: general };
  if (status >= 500 || !api) return { key: status >= 500 ? 'errors.server' : 'errors.unexpected' };
  return { text: api.message, fallback: { key: FALLBACKS[status] ?? 'errors.unexpected' } };
}

/**
 * "Tên hiển thị: Tối đa 80 ký tự.": one problem of a validation, by the field's label where the
 * page knows it, and the choices of a field picked from a list by the page's words for them.
 */
function problemLine(problem: ApiFieldProblem, labels: FieldLabels): UiMessage {
  const known = labelFor(problem.field, labels);
  const field: TranslationParam = { message: labelOf(problem.field, labels) };
  const choices = typeof known === 'object' ? known.choices : undefined;
  return { key: 'errors.validationLine', params: { field, problem: { message: fieldProblemWithChoices(problem, choices) } } };
}

/**
 * A field's label, else its API name as it is. A field inside a list (`members.1.email`) gives its
 * label the position as `{n}`, counted from 1 as the page counts ("Member 2 · e-mail"); a label
 * that does not name it ignores it.
 */
function labelOf(field: string, labels: FieldLabels): UiMessage {
  const known = labelFor(field, labels);
  if (!known) return { text: field };
  const key = typeof known === 'string' ? known : known.label;
  const index = /\.(\d+)(?=\.|$)/.exec(field)?.[1];
  return index === undefined ? { key } : { key, params: { n: Number(index) + 1 } };
}

/** What the page says of a field (a `*` in the labels' path stands for a position in a list). */
function labelFor(field: string, labels: FieldLabels): FieldLabels[string] | undefined {
  return labels[field] ?? labels[field.replace(/\.\d+(?=\.|$)/g, '.*')];
}
