import { type FieldProblemCode, FIELD_PROBLEM_CODES, FORM_LIMITS, RULE_LIMITS } from '@laurel/domain';
import { FIELD_PROBLEM_MESSAGES, type UiMessage } from '@laurel/console-util';

/** A problem of a question or a rule, from the domain's own check or from the API's answer to a save. */
export interface BuilderProblem {
  field: string;
  code?: string;
  limit?: number;
  message: string;
}

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
  const key = FIELD_PROBLEM_MESSAGES[problem.code];
  return problem.limit === undefined ? { key } : { key, params: { limit: problem.limit } };
}
