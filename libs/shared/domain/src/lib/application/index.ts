export type { AnswerValue, Answers, FieldProblem, FieldProblemCode, FormField, FormFieldType, LocalizedText } from './form-fields';
export {
  FIELD_PROBLEM_CODES,
  FORM_FIELD_KEY,
  FORM_FIELD_TYPES,
  FORM_LIMITS,
  fieldApplies,
  maxLengthOf,
  parseFormFields,
} from './form-fields';
export { checkAnswer, checkAnswers, isAnswered, mergeAnswers, missingAnswers } from './answers';
export type { EligibilityCheck, EligibilityRule, EligibilityRuleKind, EligibilityRuleParams } from './eligibility-rules';
export { ELIGIBILITY_RULE_KINDS, parseEligibilityRules, RULE_LIMITS, rulesReading } from './eligibility-rules';
export type { EligibilityFacts, SubmittedEntryRef } from './check-eligibility';
export { checkEligibility, dateWithinYears, failedChecks, organizationPlace, teamSizeRange } from './check-eligibility';
export type { CalendarDate } from './calendar-date';
export { calendarDateIn, formatCalendarDate, isCalendarDate, parseCalendarDate, yearsBefore } from './calendar-date';
export { exampleAnswer, exampleAnswers } from './example-answers';
