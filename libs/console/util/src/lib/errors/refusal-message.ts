import { type ApiError, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@laurel/contracts';
import type { TranslationKey, TranslationParams } from '../i18n/dictionary';
import type { UiMessage } from '../i18n/ui-message';
import { waitMinutes } from './throttle-wait';

/** What a status means where it happened: a 401 on the sign-in form is a wrong password. */
export type StatusMessages = Partial<Record<number, TranslationKey>>;

// Stable API codes (libs/api) with a sentence of our own in each language; the values a sentence
// names ({round}, {contest}…) come in the refusal's `params`, never out of its English message.
const CODE_MESSAGES: Record<string, { key: TranslationKey; params?: TranslationParams }> = {
  'auth.invalid_credentials': { key: 'errors.invalidCredentials' },
  'auth.email_taken': { key: 'errors.emailTaken' },
  'auth.too_many_attempts': { key: 'errors.throttle.signIn' },
  'auth.account_locked': { key: 'errors.throttle.accountLocked' },
  'auth.too_many_sign_ups': { key: 'errors.throttle.signUp' },
  'auth.too_many_resets': { key: 'errors.throttle.reset' },
  'auth.too_many_resends': { key: 'errors.throttle.resend' },
  'auth.busy': { key: 'errors.signInBusy' },
  'auth.token_expired': { key: 'errors.sessionExpired' },
  'auth.unauthenticated': { key: 'errors.unauthenticated' },
  'auth.account_gone': { key: 'errors.accountGone' },
  'auth.role_required': { key: 'errors.forbidden' },
  'auth.account_disabled': { key: 'errors.accountDisabled' },
  'auth.already_verified': { key: 'errors.alreadyVerified' },
  'entry.email_unverified': { key: 'errors.emailUnverified' },
  'auth.weak_password': { key: 'errors.weakPassword', params: { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH } },
  'contest.not_found': { key: 'errors.contestNotFound' },
  // State refusals: the API's sentences name its own paths ("… (POST /api/contests/:id/status)"),
  // which mean nothing to a person; these say the same in their language. Every refusal whose
  // sentence names a path has a sentence here.
  'round.contest_not_judging': { key: 'errors.codes.roundContestNotJudging' },
  'round.not_open': { key: 'errors.codes.roundNotOpen' },
  'round.closed': { key: 'errors.codes.roundClosed' },
  'round.not_closed': { key: 'errors.codes.roundNotClosed' },
  'round.no_rubric': { key: 'errors.codes.roundNoRubric' },
  'round.previous_not_closed': { key: 'errors.codes.roundPreviousNotClosed' },
  'round.next_started': { key: 'errors.codes.roundNextStarted' },
  'contest.transition_refused': { key: 'errors.codes.contestTransitionRefused' },
  'contest.already_in_status': { key: 'errors.codes.contestAlreadyInStatus' },
  'entry.judging_started': { key: 'errors.codes.entryJudgingStarted' },
  'entry.submissions_closed': { key: 'errors.codes.entrySubmissionsClosed' },
  'assignment.conflict_of_interest': { key: 'errors.codes.assignmentConflict' },
  'assignment.exists': { key: 'errors.codes.assignmentExists' },
  'assignment.has_submitted_sheet': { key: 'errors.codes.assignmentSubmitted' },
  'assignment.infeasible': { key: 'errors.codes.assignmentInfeasible' },
  'round.no_entries': { key: 'errors.codes.roundNoEntries' },
  'round.rubric_locked': { key: 'errors.codes.roundRubricLocked' },
  'round.field_locked': { key: 'errors.codes.roundFieldLocked' },
  'round.name_taken': { key: 'errors.codes.roundNameTaken' },
  'round.order_taken': { key: 'errors.codes.roundOrderTaken' },
  'round.delete_refused': { key: 'errors.codes.roundDeleteRefused' },
  'round.transition_refused': { key: 'errors.codes.roundTransitionRefused' },
  'round.contest_published': { key: 'errors.codes.contestPublished' },
  'panel.contest_published': { key: 'errors.codes.contestPublished' },
  'contest.field_locked': { key: 'errors.codes.contestFieldLocked' },
  'contest.categories_locked': { key: 'errors.codes.contestCategoriesLocked' },
  'contest.category_has_entries': { key: 'errors.codes.contestCategoryHasEntries' },
  'contest.slug_taken': { key: 'errors.codes.contestSlugTaken' },
  'contest.use_publish': { key: 'errors.codes.contestUsePublish' },
  'contest.not_ready': { key: 'errors.codes.contestNotReady' },
  'contest.stale_version': { key: 'errors.codes.stale' },
  'entry.stale_version': { key: 'errors.codes.stale' },
  'entry.submissions_not_open': { key: 'errors.codes.entrySubmissionsNotOpen' },
  'entry.read_only': { key: 'errors.codes.entryReadOnly' },
  'sheet.submitted': { key: 'errors.codes.sheetSubmitted' },
  'upload.too_large': { key: 'errors.codes.uploadTooLarge' },
  'contest.category_has_prizes': { key: 'errors.codes.contestCategoryHasPrizes' },
  'stage.not_live': { key: 'errors.codes.stageNotLive' },
  'stage.round_not_open': { key: 'errors.codes.stageRoundNotOpen' },
  'stage.round_closed': { key: 'errors.codes.stageRoundClosed' },
  'stage.round_not_closed': { key: 'errors.codes.stageRoundNotClosed' },
  'entry.already_submitted': { key: 'errors.codes.entryAlreadySubmitted' },
  'attachment.too_many': { key: 'errors.codes.attachmentTooMany' },
  'import.judging_started': { key: 'errors.codes.importJudgingStarted' },
};

// What a status means when the API's code has no sentence of ours: said in the person's language
// in place of the API's English (which the English console still shows as the API wrote it).
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
 * (`byStatus`), our sentence for the API's code (with the values of its `params`), what the
 * status means anywhere, the API's own sentence, and last a translated "something went wrong",
 * so that no failure is silent. `status` 0 is a request that never reached the API.
 */
export function refusalMessage(
  status: number,
  api: ApiError | null,
  retryAfterHeader: string | null,
  byStatus: StatusMessages = {},
): UiMessage {
  const contextual = byStatus[status];
  if (contextual) return { key: contextual };
  const known = api?.code ? CODE_MESSAGES[api.code] : undefined;
  if (known) {
    const params = { ...known.params, ...api?.params };
    if (status === 429) params['minutes'] = waitMinutes(api?.details?.['retryAfterSeconds'], retryAfterHeader);
    return Object.keys(params).length > 0 ? { key: known.key, params } : { key: known.key };
  }
  if (api?.code === 'validation_failed' && api.fields?.length) {
    return { key: 'errors.validation', params: { fields: [...new Set(api.fields.map((f) => f.field))].join(', ') } };
  }
  const general = STATUS_MESSAGES[status];
  if (general) return { key: general };
  if (status >= 500 || !api) return { key: status >= 500 ? 'errors.server' : 'errors.unexpected' };
  return { text: api.message, fallback: { key: FALLBACKS[status] ?? 'errors.unexpected' } };
}
