import { AppError, type AuthUser, hasRole } from '@laurel/api-core';
import { StageRuleError } from '@laurel/domain';

/** Services keep a guard for callers other than the routes, whose ids the UuidPipe checked. */
export { isUuid } from '@laurel/api-core';

export function roundNotFound(): AppError {
  return AppError.notFound('round.not_found', 'No live round of yours has this id. Check the link, or ask the organizer which round you judge.');
}

export function notLive(name: string): AppError {
  return AppError.conflict('stage.not_live', `Round "${name}" is not run live. The organizer turns it on in the round's settings (live).`);
}

/** A refusal of the domain's rules as the API says it: 422 for what is wrong in itself, 409 for "not now". */
export function fromRule(error: unknown): unknown {
  if (!(error instanceof StageRuleError)) return error;
  return error.kind === 'invalid' ? AppError.unprocessable(error.code, error.message, error.problems) : AppError.conflict(error.code, error.message);
}

/** An organizer manages the contests they own; an admin every contest. */
export function manages(actor: AuthUser, ownerId: string): boolean {
  return hasRole(actor, 'admin') || (hasRole(actor, 'organizer') && actor.id === ownerId);
}
