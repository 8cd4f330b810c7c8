import { type AuthUser, hasRole } from '../auth-metadata/auth-user';
import type { AppError } from '../errors/app-error';

/**
 * Who may do what with a contest's resources: the one place Laurel decides it. Pure decisions
 * over facts the service has already loaded (usually on the same row it needed anyway), so a
 * check costs no query of its own. A service that finds the decision false answers the
 * resource's own 404 (`not-found.ts`): another person's resource looks exactly like one that
 * does not exist (DESIGN, "Rules every endpoint keeps").
 */

/** What the policy needs of a contest, or of a row of one of its resources: the contest's owner. */
export interface ContestFacts {
  readonly ownerId: string;
}

/** A contest as the public sees it or not. */
export interface VisibleContestFacts extends ContestFacts {
  readonly status: string;
}

/** What the policy needs of an assignment: its judge, and whether they are still on the contest's panel. */
export interface AssignmentFacts {
  readonly judgeId: string;
  readonly onPanel: boolean;
}

/** An assignment with its status, for reading the entry it gives. */
export interface ReadableAssignmentFacts extends AssignmentFacts {
  readonly status: string;
}

/** A judge's assignment to one entry of a round, with the sheet it opens (its id): what a stage needs. */
export interface PitchAssignmentFacts extends ReadableAssignmentFacts {
  readonly id: string;
  readonly entryId: string;
}

/** What the policy needs of an entry: the account that owns it (none for an imported entry). */
export interface EntryFacts {
  readonly ownerId: string | null;
}

/**
 * An admin manages every contest; an organizer the contests they own. Owning is not enough: an
 * account whose organizer role was taken away manages nothing, even its old contests.
 */
export function managesContest(actor: AuthUser, contest: ContestFacts): boolean {
  return hasRole(actor, 'admin') || (hasRole(actor, 'organizer') && contest.ownerId === actor.id);
}

/** Everybody sees a contest once it is past draft; a draft only those who manage it. */
export function seesContest(actor: AuthUser | undefined, contest: VisibleContestFacts): boolean {
  return contest.status !== 'draft' || (!!actor && managesContest(actor, contest));
}

/**
 * Whose drafts a list of contests shows the actor, for a query to filter by (the SQL form of
 * `seesContest`): every draft to an admin, an organizer's own drafts, none to anyone else.
 */
export function draftsShownTo(actor: AuthUser | undefined): { all: true } | { all: false; ownerId: string | null } {
  if (hasRole(actor, 'admin')) return { all: true };
  return { all: false, ownerId: actor && hasRole(actor, 'organizer') ? actor.id : null };
}

/**
 * The judge of an assignment while they are on the contest's panel: nobody else, not even an
 * admin or the contest's organizer, acts on a judge's sheet. A judge removed from the panel
 * loses their assignments with it.
 */
export function judgesAssignment(actor: AuthUser, assignment: AssignmentFacts): boolean {
  return assignment.judgeId === actor.id && assignment.onPanel;
}

/**
 * The entry an assignment gives its judge is theirs to read until they recuse from it
 * (DESIGN: "a judge who recused from an entry, or was removed from the panel, sees nothing more
 * of it").
 */
export function readsAssignedEntry(actor: AuthUser, assignment: ReadableAssignmentFacts): boolean {
  return judgesAssignment(actor, assignment) && assignment.status !== 'recused';
}

/**
 * A judge scores a team's pitch on a live round's stage through their own assignment to that
 * entry, exactly while they may read the entry: on the panel and not recused (a recused judge's
 * sheet refuses a save, `assignment.recused`). Nobody else scores it, not even an admin or the
 * contest's organizer.
 */
export function scoresPitch(actor: AuthUser, assignment: ReadableAssignmentFacts): boolean {
  return readsAssignedEntry(actor, assignment);
}

/**
 * The pitches of a round the actor scores, as entry id → the assignment whose sheet they open.
 * Empty when they score none: then they are no judge of the round, and its stage is not theirs.
 */
export function pitchesScoredBy(actor: AuthUser, assignments: readonly PitchAssignmentFacts[]): Map<string, string> {
  return new Map(assignments.filter((a) => scoresPitch(actor, a)).map((a) => [a.entryId, a.id]));
}

/** The account that created the entry. An imported entry has no owner, so nobody owns it. */
export function ownsEntry(actor: AuthUser, entry: EntryFacts): boolean {
  return entry.ownerId !== null && entry.ownerId === actor.id;
}

/** An entry is read by its owner and by those who manage its contest. */
export function readsEntry(actor: AuthUser, entry: EntryFacts, contest: ContestFacts): boolean {
  return ownsEntry(actor, entry) || managesContest(actor, contest);
}

/**
 * `found` when the actor manages its contest (`found.ownerId` is the contest's owner); otherwise
 * the resource's own 404, the same as when nothing was found.
 */
export function managedOr404<T extends ContestFacts>(actor: AuthUser, found: T | null | undefined, notFound: () => AppError): T {
  if (found && managesContest(actor, found)) return found;
  throw notFound();
}
