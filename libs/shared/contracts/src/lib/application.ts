/**
 * A contest's own application form and eligibility rules. The shapes are the domain's own (the
 * rules that read them live there), named here so that API and console take them from one place.
 */
export type {
  AnswerValue,
  Answers,
  EligibilityCheck,
  EligibilityRule,
  EligibilityRuleKind,
  EligibilityRuleParams,
  FormField,
  FormFieldType,
  LocalizedText,
} from '@laurel/domain';
export { ELIGIBILITY_RULE_KINDS, FORM_FIELD_TYPES } from '@laurel/domain';

import type { AnswerValue, FormFieldType, LocalizedText } from '@laurel/domain';

/** One answer as a judge reads it, in the form's order (identifying ones left out in a blind round). */
export interface JudgeAnswerView {
  key: string;
  label: LocalizedText;
  type: FormFieldType;
  value: AnswerValue;
}
