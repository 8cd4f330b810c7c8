import { AppError, type AuthUser, hasRole } from '@laurel/api-core';

/** Services keep a guard for callers other than the routes, whose ids the UuidPipe checked. */
export { isUuid } from '@laurel/api-core';

export function roundNotFound(): AppError {
  return AppError.notFound('round.not_found', 'No round of yours has this id. Check the link.');
}

export function entryNotInRound(): AppError {
  return AppError.notFound('entry.not_found', 'This entry is not in the round. Check the link, or open the round’s ranking again.');
}

export function voteNotFound(): AppError {
  return AppError.notFound('vote.not_found', 'No vote of your contests has this id. Reload the vote counts.');
}

export function contestNotFound(): AppError {
  return AppError.notFound('contest.not_found', 'No contest of yours has this id. Check the link.');
}

/** An organizer manages the contests they own; an admin every contest. */
export function manages(actor: AuthUser, ownerId: string): boolean {
  return hasRole(actor, 'admin') || (hasRole(actor, 'organizer') && actor.id === ownerId);
}
