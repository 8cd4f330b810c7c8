import { AppError, type AuthUser, hasRole } from '@laurel/api-core';

/** Services keep a guard for callers other than the routes, whose ids the UuidPipe checked. */
export { isUuid } from '@laurel/api-core';

/** An admin manages every contest; an organizer the contests they own. */
export function managesContest(actor: AuthUser, ownerId: string): boolean {
  return hasRole(actor, 'admin') || (hasRole(actor, 'organizer') && ownerId === actor.id);
}

/**
 * The resource when the actor manages its contest. Anyone else gets the same 404 as for one that
 * does not exist, so its existence does not leak.
 */
export function managed<T extends { ownerId: string } | { contestOwnerId: string }>(actor: AuthUser, found: T | null, notFound: () => AppError): T {
  const ownerId = found && ('ownerId' in found ? found.ownerId : found.contestOwnerId);
  if (found && ownerId && managesContest(actor, ownerId)) return found;
  throw notFound();
}

export const contestNotFound = () => AppError.notFound('contest.not_found', 'No contest has this id or address. Check the link.');
export const roundNotFound = () => AppError.notFound('round.not_found', 'No round has this id. Check the link, or reload the contest.');
export const assignmentNotFound = () =>
  AppError.notFound('assignment.not_found', 'No assignment of yours has this id. Reload your list of assignments.');
export const conflictNotFound = () => AppError.notFound('conflict.not_found', 'No conflict of interest has this id. Reload the list.');

export function roundClosed(): AppError {
  return AppError.conflict('round.closed', 'The round is closed: its score sheets can no longer change. Ask the organizer if a sheet needs correcting.');
}

/** Sheets and assignments change only while their round is open. */
export function roundNotOpen(status: string): AppError {
  return status === 'closed'
    ? roundClosed()
    : AppError.conflict('round.not_open', 'The round has not opened yet. Wait until the organizer opens it, then reload.');
}
