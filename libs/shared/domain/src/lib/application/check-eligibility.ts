import { normalizeOrganization } from '../assignment/normalize-name';
import { compareCalendarDates, parseCalendarDate, yearsBefore } from './calendar-date';
import type { EligibilityCheck, EligibilityRule } from './eligibility-rules';
import { type Answers, fieldApplies, type FormField } from './form-fields';

/** What the rules read of one entry. */
export interface EligibilityFacts {
  categoryId: string | null;
  answers: Answers;
  memberCount: number;
  /**
   * The contest's submission deadline as a calendar date (YYYY-MM-DD) in the contest's time zone:
   * "founded at most 5 years ago" is counted back from it, not from the day someone looks.
   */
  deadline: string;
  /**
   * The entry's place among the submitted entries of its organization, 1 for the first
   * (`organizationPlace`); 0 when the entry names no organization.
   */
  organizationPlace: number;
}

/**
 * Every rule's outcome for one entry, in the rules' order. A rule on a field asked only of other
 * categories does not apply to the entry and is left out; a rule on a field the entry left
 * unanswered fails, since nothing shows the entry meets it.
 */
export function checkEligibility(
  rules: readonly EligibilityRule[],
  fields: readonly FormField[],
  facts: EligibilityFacts,
): EligibilityCheck[] {
  const checks: EligibilityCheck[] = [];
  for (const rule of rules) {
    const field = 'field' in rule.params ? fields.find((f) => f.key === (rule.params as { field: string }).field) : undefined;
    if (field && !fieldApplies(field, facts.categoryId)) continue;
    checks.push({ ruleId: rule.id, kind: rule.kind, passed: passes(rule, facts), message: rule.message });
  }
  return checks;
}

function passes(rule: EligibilityRule, facts: EligibilityFacts): boolean {
  switch (rule.kind) {
    case 'max_team_size':
      return facts.memberCount <= rule.params.max;
    case 'min_team_size':
      return facts.memberCount >= rule.params.min;
    case 'date_within_years':
      return dateWithinYears(facts.answers[rule.params.field], rule.params.years, facts.deadline);
    case 'choice_in': {
      const value = facts.answers[rule.params.field];
      const picks = Array.isArray(value) ? value : typeof value === 'string' && value !== '' ? [value] : [];
      return picks.length > 0 && picks.every((pick) => rule.params.values.includes(pick));
    }
    case 'number_range': {
      const value = facts.answers[rule.params.field];
      if (typeof value !== 'number') return false;
      return (rule.params.min === undefined || value >= rule.params.min) && (rule.params.max === undefined || value <= rule.params.max);
    }
    case 'must_be_true':
      return facts.answers[rule.params.field] === true;
    case 'max_entries_per_organization':
      return facts.organizationPlace <= rule.params.max;
  }
}

/**
 * The team sizes a contest's rules allow, for an editor of the team: at least the largest
 * `min_team_size`, at most the smallest `max_team_size`, and always within `[floor, ceiling]`,
 * the sizes any entry may have (a submitted entry keeps one member; the API lists at most
 * `ENTRY_LIMITS.members`). A size passes every team-size rule exactly when it lies in the range.
 * Rules that contradict each other (at least 6, at most 4) give `min > max`: no size passes both,
 * and an editor that keeps to the range can neither add nor remove.
 */
export function teamSizeRange(rules: readonly EligibilityRule[], floor: number, ceiling: number): { min: number; max: number } {
  let min = floor;
  let max = ceiling;
  for (const rule of rules) {
    if (rule.kind === 'min_team_size') min = Math.max(min, rule.params.min);
    if (rule.kind === 'max_team_size') max = Math.min(max, rule.params.max);
  }
  return { min, max };
}

/**
 * Whether `date` is at most `years` years before `deadline`: on or after the same day `years`
 * years earlier. Deadline 2026-04-30 and 5 years: founded 2021-04-30 passes (exactly five
 * years), 2021-04-29 fails. A date after the deadline passes (it is not "more than" anything).
 */
export function dateWithinYears(date: unknown, years: number, deadline: string): boolean {
  const day = typeof date === 'string' ? parseCalendarDate(date) : null;
  const end = parseCalendarDate(deadline);
  if (!day || !end) return false;
  return compareCalendarDates(day, yearsBefore(end, years)) >= 0;
}

export interface SubmittedEntryRef {
  id: string;
  organization: string | null;
  /** ISO instant; ties are broken by id so every reader counts the same order. */
  submittedAt: string;
}

/**
 * The entry's place among the submitted entries of its organization, the organizations compared
 * as conflict detection compares them ("Công ty TNHH ABC" = "CONG TY TNHH abc"). An entry not
 * among `submitted` (a draft being submitted now) comes after all of them. 0 when the entry
 * names no organization: such entries are never counted together.
 */
export function organizationPlace(entry: { id: string; organization: string | null }, submitted: readonly SubmittedEntryRef[]): number {
  const fold = normalizeOrganization(entry.organization);
  if (fold === '') return 0;
  const same = submitted
    .filter((other) => normalizeOrganization(other.organization) === fold)
    .sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = same.findIndex((other) => other.id === entry.id);
  return index === -1 ? same.length + 1 : index + 1;
}

/** The failed checks, for the 422 of a submission. */
export function failedChecks(checks: readonly EligibilityCheck[]): EligibilityCheck[] {
  return checks.filter((check) => !check.passed);
}
