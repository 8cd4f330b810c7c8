import type { TranslationKey } from '@laurel/console-util';
import { type StatusMessages, type UiMessage, apiErrorOf, toUiMessage } from '@laurel/console-util';

// Codes of libs/api/results and libs/api/export with a sentence of ours in each language.
const CODES: Record<string, TranslationKey> = {
  'round.not_found': 'results.errors.roundNotFound',
  'round.not_closed': 'results.errors.roundNotClosed',
  'round.no_next_round': 'results.errors.noNextRound',
  'round.next_started': 'results.errors.nextStarted',
  'round.nobody_advances': 'results.errors.nobodyAdvances',
  'round.contest_published': 'results.errors.contestPublished',
  'awards.final_round_not_closed': 'results.errors.finalRoundNotClosed',
  'awards.no_rounds': 'results.errors.noRounds',
  'awards.published': 'results.errors.contestPublished',
  'awards.prizes_mismatch': 'results.errors.prizesMismatch',
  'contest.already_published': 'results.errors.alreadyPublished',
  'contest.not_judging': 'results.errors.notJudging',
  'contest.awards_not_confirmed': 'results.errors.awardsNotConfirmed',
  'results.not_published': 'results.errors.notPublished',
  'export.no_assignments': 'results.errors.noAssignments',
  'documents.no_assignments': 'results.errors.noAssignments',
  'live.ticket_invalid': 'results.errors.liveTicket',
  'council.not_found': 'closing.council.notFound',
  'awards.not_confirmed': 'closing.council.notConfirmed',
  'feedback.not_available': 'closing.feedback.notAvailable',
  'vote.not_found': 'results.vote.errors.notFound',
  'vote.not_open': 'results.vote.errors.notOpen',
  'vote.closed': 'results.vote.errors.closed',
  'vote.not_on_ballot': 'results.vote.errors.notOnBallot',
  'vote.throttled': 'results.vote.errors.throttled',
  'vote.token_unknown': 'results.vote.errors.tokenUnknown',
  'vote.already_counted': 'results.vote.errors.alreadyCounted',
  'vote.voided': 'results.vote.errors.voided',
  'vote.already_voided': 'results.vote.errors.alreadyVoided',
  'vote.not_counted': 'results.vote.errors.notCounted',
  'vote.round_closed': 'results.vote.errors.roundClosed',
};

/**
 * What to tell the organizer about a failed results call: our sentence for the codes of this
 * area, else the console's general rules (which fall back to the API's own sentence). A refused
 * award confirmation keeps the API's list of problems, which names the entries concerned.
 */
export function resultsMessage(error: unknown, byStatus: StatusMessages = {}): UiMessage {
  const api = apiErrorOf(error);
  if (api?.code === 'awards.invalid') return { text: api.message, fallback: { key: 'results.errors.awardsInvalid' } };
  const tally = (api as { details?: { tally?: { approvals: number; members: number; objections: number; required: number } } } | null)
    ?.details?.tally;
  if (api?.code === 'awards.not_approved' && tally) {
    return {
      key: 'closing.council.notApproved',
      params: { approvals: tally.approvals, members: tally.members, objections: tally.objections, required: tally.required },
    };
  }
  const key = api?.code ? CODES[api.code] : undefined;
  if (!key) return toUiMessage(error, byStatus);
  return api?.params ? { key, params: api.params } : { key };
}

/** The API's error code, if any. */
export function errorCodeOf(error: unknown): string | null {
  return apiErrorOf(error)?.code ?? null;
}
