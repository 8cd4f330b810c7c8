import { AppError, type FieldProblem } from '@laurel/api-core';
import {
  CATEGORY_CHANGES,
  CONTEST_EDITABLE_FIELDS,
  CONTEST_NEXT_STATUS,
  CONTEST_REOPEN_FROM,
  type ContestField,
  type ContestStatus,
} from '@laurel/contracts';
import type { CategoryEntity, ContestAggregate } from '@laurel/api-database';

/** Names compare as a Vietnamese reader would, ignoring case. */
export const nameKey = (name: string) => name.trim().toLocaleLowerCase('vi');

/** `mine` would be shadowed by GET /api/contests/mine. */
export const RESERVED_SLUGS = ['mine'];

/**
 * Whether `from → to` is a step of the lifecycle this endpoint takes; throws 409 naming the
 * allowed step otherwise. `closed → open` (reopen) is allowed because an organizer who closed
 * early, or who extends the deadline on request, must be able to take submissions again before
 * judging has started; from judging on, entries are being scored and the set must stay fixed.
 */
export function assertTransition(from: ContestStatus, to: ContestStatus): void {
  if (to === 'published') {
    throw AppError.conflict(
      'contest.use_publish',
      'Results are published with POST /api/contests/:id/publish, which checks the confirmed awards first.',
    );
  }
  if (from === to) throw AppError.conflict('contest.already_in_status', `The contest is already ${from}. Reload to see its current state.`);
  const next = CONTEST_NEXT_STATUS[from];
  if (to === next || (from === CONTEST_REOPEN_FROM && to === 'open')) return;
  const allowed = [next, from === CONTEST_REOPEN_FROM ? 'open' : null].filter((s) => s && s !== 'published');
  throw AppError.conflict(
    'contest.transition_refused',
    allowed.length === 0
      ? `A contest that is ${from} cannot move to ${to}${from === 'judging' ? '; publish its results with POST /api/contests/:id/publish' : ''}.`
      : `A contest that is ${from} cannot move to ${to}; the next status is ${allowed.join(' or ')}.`,
  );
}

/** What a contest needs before it takes submissions (on opening and on reopening). */
export function readinessProblems({ contest, categories, rounds, criteria }: ContestAggregate, now: Date): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (categories.length === 0)
    problems.push({ field: 'categories', code: 'contest.no_categories', message: 'needs at least one category' });
  if (rounds.length === 0) {
    problems.push({
      field: 'rounds',
      code: 'contest.no_rounds',
      message: 'needs at least one round: add one with POST /api/contests/:id/rounds',
    });
  }
  rounds.forEach((round, i) => {
    if (!criteria.some((c) => c.roundId === round.id)) {
      problems.push({
        field: `rounds.${i}.criteria`,
        code: 'round.no_rubric',
        params: { round: round.name },
        message: `round "${round.name}" has no rubric: add at least one criterion`,
      });
    }
  });
  if (contest.submissionOpensAt >= contest.submissionClosesAt) {
    problems.push({ field: 'submissionClosesAt', code: 'contest.closes_before_opening', message: 'must be later than submissionOpensAt' });
  } else if (contest.submissionClosesAt <= now) {
    problems.push({
      field: 'submissionClosesAt',
      code: 'contest.deadline_passed',
      message: 'has already passed: move the deadline later first',
    });
  }
  return problems;
}

/** Refuses (409) a change to any field the contest's status no longer allows to change. */
export function assertFieldsEditable(status: ContestStatus, changed: ContestField[]): void {
  const allowed = CONTEST_EDITABLE_FIELDS[status];
  const locked = changed.filter((field) => !allowed.includes(field));
  if (locked.length === 0) return;
  throw AppError.conflict(
    'contest.field_locked',
    `A contest that is ${status} can no longer change ${locked.join(', ')}. ` +
      `Only ${allowed.join(', ')} can change now; send the others unchanged or leave them out.`,
    // The fields by their API names, which a client labels itself.
    { fields: locked.join(', ') },
  );
}

export interface CategoryDiff {
  keep: { id: string; name: string; position: number }[];
  add: { name: string; position: number }[];
  remove: CategoryEntity[];
  renamed: boolean;
  reordered: boolean;
}

/** Compares the requested category list with the current one; 400 on ids or names that cannot be. */
export function diffCategories(current: CategoryEntity[], requested: { id?: string; name: string }[]): CategoryDiff {
  const problems: FieldProblem[] = [];
  const byId = new Map(current.map((c) => [c.id, c]));
  const seenIds = new Set<string>();
  const seenNames = new Set<string>();
  const diff: CategoryDiff = { keep: [], add: [], remove: [], renamed: false, reordered: false };
  requested.forEach((category, position) => {
    const key = nameKey(category.name);
    if (seenNames.has(key)) problems.push({ field: `categories.${position}.name`, code: 'duplicate', message: 'repeats another category' });
    seenNames.add(key);
    if (category.id === undefined) {
      diff.add.push({ name: category.name, position });
      return;
    }
    const existing = byId.get(category.id);
    if (!existing) {
      problems.push({
        field: `categories.${position}.id`,
        code: 'unknown',
        message: 'is not a category of this contest: leave the id out to add a category',
      });
      return;
    }
    if (seenIds.has(category.id)) problems.push({ field: `categories.${position}.id`, code: 'duplicate', message: 'appears twice' });
    seenIds.add(category.id);
    if (existing.name !== category.name) diff.renamed = true;
    diff.keep.push({ id: existing.id, name: category.name, position });
  });
  if (problems.length > 0) throw invalid('categories', problems);
  diff.remove = current.filter((c) => !seenIds.has(c.id));
  const keptOrder = current.filter((c) => seenIds.has(c.id)).map((c) => c.id);
  diff.reordered = diff.keep.some((c, i) => c.id !== keptOrder[i]);
  return diff;
}

/** Refuses (409) category changes the contest's status no longer allows. */
export function assertCategoryChangesAllowed(status: ContestStatus, diff: CategoryDiff): void {
  const allowed = CATEGORY_CHANGES[status];
  const wanted: ('add' | 'rename' | 'remove')[] = [];
  if (diff.add.length > 0) wanted.push('add');
  if (diff.renamed || diff.reordered) wanted.push('rename');
  if (diff.remove.length > 0) wanted.push('remove');
  const refused = wanted.filter((w) => !allowed.includes(w));
  if (refused.length === 0) return;
  throw AppError.conflict(
    'contest.categories_locked',
    allowed.length === 0
      ? `A contest that is ${status} can no longer change its categories. Send them unchanged or leave them out.`
      : `A contest that is ${status} can no longer ${refused.map((r) => (r === 'rename' ? 'rename or reorder' : r)).join(' or ')} categories; ` +
          `it can only ${allowed.join(' or ')} them.`,
  );
}

export function invalid(what: string, problems: FieldProblem[]): AppError {
  return AppError.badRequest(
    'validation_failed',
    `Please correct the ${what}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
    problems,
  );
}

export function staleVersion(sent: number, current: number): AppError {
  return AppError.conflict(
    'contest.stale_version',
    `Someone changed this contest after you loaded it (you sent version ${sent}; it is now at ${current}). Reload it, then make your change again.`,
  );
}
