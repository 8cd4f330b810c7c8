import { formatCalendarDate, parseCalendarDate, yearsBefore } from './calendar-date';
import type { EligibilityRule } from './eligibility-rules';
import { type AnswerValue, type Answers, fieldApplies, type FormField, maxLengthOf } from './form-fields';

/**
 * An answer a careful applicant would give: one the field's own checks take and, where an
 * eligibility rule reads the field, one that meets the rule when the field allows it. The import
 * template shows it as the example of its column; tests fill a contest's form with it, so a
 * change of the form cannot leave them submitting answers nobody checked.
 *
 * `deadline` is the contest's submission deadline as a calendar date (YYYY-MM-DD): a founding
 * date is given one year before it, inside any "founded at most N years ago" (N is at least 1).
 */
export function exampleAnswer(field: FormField, rules: readonly EligibilityRule[], deadline: string): AnswerValue {
  const reading = rules.filter((rule) => 'field' in rule.params && (rule.params as { field: string }).field === field.key);
  switch (field.type) {
    case 'text':
    case 'longtext':
      return 'Ví dụ - Example'.slice(0, maxLengthOf(field));
    case 'url':
      return 'https://example.vn';
    case 'email':
      return 'team@example.vn';
    case 'phone':
      return '+84 912 345 678';
    case 'boolean':
      // Both a required box and `must_be_true` want it ticked; nothing asks for an unticked one.
      return true;
    case 'date': {
      // A rule counts at least one year back (RULE_LIMITS), so a year before the deadline meets every one.
      const end = parseCalendarDate(deadline);
      return end ? formatCalendarDate(yearsBefore(end, 1)) : deadline;
    }
    case 'number': {
      let low = field.min;
      let high = field.max;
      for (const rule of reading) {
        if (rule.kind !== 'number_range') continue;
        if (rule.params.min !== undefined) low = low === undefined ? rule.params.min : Math.max(low, rule.params.min);
        if (rule.params.max !== undefined) high = high === undefined ? rule.params.max : Math.min(high, rule.params.max);
      }
      // Rules that no answer meets: stay inside the field's own limits at least.
      if (low !== undefined && high !== undefined && low > high) return field.min ?? Math.min(field.max ?? 1, 1);
      return low ?? Math.min(high ?? 1, 1);
    }
    case 'choice':
    case 'multichoice': {
      const options = field.options ?? [];
      const allowed = reading.reduce(
        (left, rule) => (rule.kind === 'choice_in' ? left.filter((option) => rule.params.values.includes(option)) : left),
        options,
      );
      if (field.type === 'choice') return allowed[0] ?? options[0] ?? '';
      const count = Math.max(1, field.min ?? 1);
      const picks = allowed.slice(0, count);
      for (const option of options) if (picks.length < count && !picks.includes(option)) picks.push(option);
      return picks;
    }
  }
}

/** An example answer to every question the form asks of an entry of `categoryId`. */
export function exampleAnswers(
  fields: readonly FormField[],
  rules: readonly EligibilityRule[],
  categoryId: string | null,
  deadline: string,
): Answers {
  const answers: Answers = {};
  for (const field of fields) if (fieldApplies(field, categoryId)) answers[field.key] = exampleAnswer(field, rules, deadline);
  return answers;
}
