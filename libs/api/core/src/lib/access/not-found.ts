import { AppError } from '../errors/app-error';

/**
 * One refusal per kind of resource, with one code and one sentence, for the UuidPipe of every
 * route and for every service. The sentence never tells "does not exist" from "is not yours":
 * both are the same 404. The codes are the API's contract (the console and the tests read them).
 */

export const contestNotFound = () =>
  AppError.notFound('contest.not_found', 'No contest you can open has this id or address. Check the link.');

export const roundNotFound = () =>
  AppError.notFound('round.not_found', 'No round you can open has this id. Check the link, or reload the contest.');

export const entryNotFound = () =>
  AppError.notFound('entry.not_found', 'No entry you can open has this id here. Check the link, or reload the list you came from.');

export const assignmentNotFound = () =>
  AppError.notFound('assignment.not_found', 'No assignment you can open has this id. Reload the list of assignments.');

export const attachmentNotFound = () =>
  AppError.notFound('attachment.not_found', 'This entry has no file with this id. Reload the entry to see its files.');

export const conflictNotFound = () => AppError.notFound('conflict.not_found', 'No conflict of interest has this id. Reload the list.');

export const invitationNotFound = () => AppError.notFound('invitation.not_found', 'No invitation has this id. Reload the panel.');

export const voteNotFound = () => AppError.notFound('vote.not_found', 'No vote you can open has this id. Reload the vote counts.');

export const userNotFound = () => AppError.notFound('user.not_found', 'No account has this id. Reload the list.');
