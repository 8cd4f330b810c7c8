import { AppError } from '@laurel/api-core';
import type { EligibilityRule, FormField } from '@laurel/contracts';
import { parseEligibilityRules, parseFormFields } from '@laurel/domain';
import type { ContestAggregate } from '@laurel/api-database';
import { invalid } from './contest-rules';

export interface ApplicationFormPlan {
  formFields: FormField[];
  retiredFormFields: FormField[];
  eligibilityRules: EligibilityRule[];
  formChanged: boolean;
  rulesChanged: boolean;
  /** Fields leaving a form that has submitted entries; their answers are kept. */
  removed: FormField[];
}

export interface ApplicationFormRequest {
  formFields?: unknown[];
  eligibilityRules?: unknown[];
  confirmRemovedFields?: string[];
}

/**
 * The form and the rules an edit asks for, read and checked against each other and against the
 * categories the contest keeps. The rules are read again whenever the form changes, so a rule
 * can never be left naming a field that is gone.
 */
export function planApplicationForm(
  current: ContestAggregate,
  request: ApplicationFormRequest,
  categoryIds: string[],
): ApplicationFormPlan {
  const { contest } = current;
  const fields = parseFormFields(request.formFields ?? contest.formFields, categoryIds);
  if (fields.problems.length > 0) throw invalid('application form', fields.problems);
  const rules = parseEligibilityRules(request.eligibilityRules ?? contest.eligibilityRules, fields.fields);
  if (rules.problems.length > 0) {
    throw invalid(
      request.eligibilityRules
        ? 'eligibility rules'
        : 'application form (an eligibility rule reads a field it changes: send the rules too)',
      rules.problems,
    );
  }
  const formChanged = JSON.stringify(fields.fields) !== JSON.stringify(contest.formFields);
  const rulesChanged = JSON.stringify(rules.rules) !== JSON.stringify(contest.eligibilityRules);
  const keys = new Set(fields.fields.map((f) => f.key));
  const removed = current.submittedEntries > 0 ? contest.formFields.filter((f) => !keys.has(f.key)) : [];
  const retiredKeys = new Set(removed.map((f) => f.key));
  return {
    formFields: fields.fields,
    retiredFormFields: [...contest.retiredFormFields.filter((f) => !keys.has(f.key) && !retiredKeys.has(f.key)), ...removed],
    eligibilityRules: rules.rules,
    formChanged,
    rulesChanged,
    removed,
  };
}

const LOCKED_PROPERTIES = ['type', 'required', 'min', 'max', 'maxLength'] as const;

/**
 * Once an entry is submitted, the form is held to what those entries were checked against, as a
 * rubric is once judges have scored: wording, help, order and `identifying` may change, options
 * may be added, optional fields may be added; nothing else. Removing a field is allowed when the
 * edit says so by listing its key in `confirmRemovedFields` (the answers stay, for the export).
 */
export function assertFormChangeAllowed(
  current: ContestAggregate,
  plan: ApplicationFormPlan,
  confirmed: readonly string[],
  answerCounts: Map<string, number>,
): void {
  if (current.submittedEntries === 0 || !plan.formChanged) return;
  const problems: string[] = [];
  for (const before of current.contest.formFields) {
    const after = plan.formFields.find((f) => f.key === before.key);
    if (!after) continue;
    for (const property of LOCKED_PROPERTIES) {
      if (before[property] !== after[property]) problems.push(`"${before.key}" cannot change its ${property}`);
    }
    if (JSON.stringify([...(before.categoryIds ?? [])].sort()) !== JSON.stringify([...(after.categoryIds ?? [])].sort())) {
      problems.push(`"${before.key}" cannot change the categories it is asked of`);
    }
    const dropped = (before.options ?? []).filter((o) => !(after.options ?? []).includes(o));
    if (dropped.length > 0)
      problems.push(`"${before.key}" cannot drop the option${dropped.length > 1 ? 's' : ''} ${dropped.map((o) => `"${o}"`).join(', ')}`);
  }
  for (const added of plan.formFields.filter((f) => f.required && !current.contest.formFields.some((b) => b.key === f.key))) {
    problems.push(`the new field "${added.key}" must be optional (the submitted entries never answered it)`);
  }
  if (problems.length > 0) {
    throw AppError.conflict(
      'contest.form_locked',
      `${current.submittedEntries} ${current.submittedEntries === 1 ? 'entry was' : 'entries were'} submitted against this form, so ${problems.join('; ')}. ` +
        'You may still reword labels and help, reorder fields, add options and add optional fields.',
    );
  }
  const unconfirmed = plan.removed.filter((f) => !confirmed.includes(f.key));
  if (unconfirmed.length > 0) {
    const list = unconfirmed.map((f) => `"${f.key}" (${answerCounts.get(f.key) ?? 0} answers)`).join(', ');
    throw AppError.conflict(
      'contest.form_removal_unconfirmed',
      `Removing ${list} from a form with submitted entries takes the question away from the screening and the judges; the answers stay in the entries workbook. ` +
        `To go ahead, send the same edit with confirmRemovedFields: [${unconfirmed.map((f) => `"${f.key}"`).join(', ')}].`,
    );
  }
}
