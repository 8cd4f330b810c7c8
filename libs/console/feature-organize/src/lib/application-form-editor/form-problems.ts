import { type FieldProblemCode, FIELD_PROBLEM_CODES, FORM_LIMITS, RULE_LIMITS } from '@laurel/domain';
import type { TranslationKey, UiMessage } from '@laurel/console-util';

/** A problem of a question or a rule, from the domain's own check or from the API's answer to a save. */
export interface BuilderProblem {
  field: string;
  code?: string;
  limit?: number;
  message: string;
}

const KEYS: Readonly<Record<FieldProblemCode, TranslationKey>> = {
  type: 'application.problems.type',
  required: 'application.problems.required',
  max_length: 'application.problems.max_length',
  max_items: 'application.problems.max_items',
  duplicate: 'application.problems.duplicate',
  unknown: 'application.problems.unknown',
  format: 'application.problems.format',
  option: 'application.problems.option',
  not_applicable: 'application.problems.not_applicable',
  min: 'application.problems.min',
  max: 'application.problems.max',
  integer: 'application.problems.integer',
  range: 'application.problems.range',
};

const isCode = (code: string | undefined): code is FieldProblemCode =>
  (FIELD_PROBLEM_CODES as readonly (string | undefined)[]).includes(code);

/**
 * The sentence of a problem in the reader's language, from its code and limit: a question's key
 * and a rule's id each have a format of their own. A problem without a code the domain knows
 * (one of the API's request checks) is said as "not the right kind of value".
 */
export function problemMessage(problem: BuilderProblem): UiMessage {
  if (!isCode(problem.code)) return { key: 'application.problems.type' };
  if (problem.code === 'format' && /^formFields\.\d+\.key$/.test(problem.field))
    return { key: 'application.problems.keyFormat', params: { limit: FORM_LIMITS.keyLength } };
  if (problem.code === 'format' && /^eligibilityRules\.\d+\.id$/.test(problem.field))
    return { key: 'application.problems.idFormat', params: { limit: RULE_LIMITS.id } };
  return problem.limit === undefined ? { key: KEYS[problem.code] } : { key: KEYS[problem.code], params: { limit: problem.limit } };
}
