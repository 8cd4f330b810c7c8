import { type AbstractControl, FormControl, FormRecord, type ValidationErrors, type ValidatorFn } from '@angular/forms';
import type { AnswerValue, Answers, FormField } from '@laurel/contracts';
import { checkAnswer, fieldApplies, isAnswered, maxLengthOf } from '@laurel/domain';
import type { TranslationKey, TranslationParams } from '@laurel/console-util';
import { type AnswerInput, toAnswer } from './to-answer';

export { type AnswerInput, toAnswer } from './to-answer';
export type AnswersForm = FormRecord<FormControl<AnswerInput>>;

/**
 * The domain's own check (the one the API runs on every save), plus "required" once the person
 * has been there: a draft may be saved without the answer, a submission may not.
 */
export function answerValidator(field: FormField): ValidatorFn {
  return (control: AbstractControl<AnswerInput>): ValidationErrors | null => {
    const answer = toAnswer(field, control.value);
    if (answer === null || (field.type === 'boolean' && answer === false)) {
      return field.required ? { answer: { code: field.type === 'boolean' ? 'requiredTrue' : 'required' } } : null;
    }
    const problem = checkAnswer(field, answer);
    return problem ? { answer: { code: problem.code, limit: problem.limit } } : null;
  };
}

function initial(field: FormField, value: AnswerValue | undefined): AnswerInput {
  if (value !== undefined) return value;
  if (field.type === 'multichoice') return [];
  if (field.type === 'boolean') return false;
  if (field.type === 'number' || field.type === 'choice') return null;
  return '';
}

export function buildAnswersForm(fields: readonly FormField[], answers: Answers = {}): AnswersForm {
  const form: AnswersForm = new FormRecord<FormControl<AnswerInput>>({});
  syncAnswersForm(form, fields, answers);
  return form;
}

/**
 * Makes the group hold one control per field, with the field's current rules: controls of fields
 * that left go, new ones come with the stored answer, existing ones keep what was typed.
 */
export function syncAnswersForm(form: AnswersForm, fields: readonly FormField[], answers: Answers = {}, overwrite = false): void {
  const keys = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(form.controls)) if (!keys.has(key)) form.removeControl(key, { emitEvent: false });
  for (const field of fields) {
    const existing = form.controls[field.key];
    if (!existing) {
      form.addControl(field.key, new FormControl<AnswerInput>(initial(field, answers[field.key]), { validators: answerValidator(field) }), {
        emitEvent: false,
      });
    } else {
      existing.setValidators(answerValidator(field));
      if (overwrite) existing.setValue(initial(field, answers[field.key]), { emitEvent: false });
      existing.updateValueAndValidity({ emitEvent: false });
    }
  }
}

/**
 * The answers a save may send: every field of the form, null where unanswered, leaving out what
 * the API would refuse (`held` says something was left out, so the page can say it is not saved).
 */
export function savableAnswers(
  form: AnswersForm,
  fields: readonly FormField[],
): { answers: Record<string, AnswerValue | null>; held: boolean } {
  const answers: Record<string, AnswerValue | null> = {};
  let held = false;
  for (const field of fields) {
    const control = form.controls[field.key];
    if (!control) continue;
    const answer = toAnswer(field, control.value);
    if (answer !== null && checkAnswer(field, answer)) held = true;
    else answers[field.key] = answer;
  }
  return { answers, held };
}

/** Keys of required questions of the entry's category still unanswered (the API's 422 on submit). */
export function unansweredRequired(form: AnswersForm, fields: readonly FormField[], categoryId: string | null): FormField[] {
  return fields.filter(
    (field) =>
      field.required && fieldApplies(field, categoryId) && !isAnswered(field, toAnswer(field, form.controls[field.key]?.value ?? null)),
  );
}

/** The dictionary key and parameters of a control's error. */
export function answerError(field: FormField, errors: ValidationErrors | null): { key: TranslationKey; params?: TranslationParams } | null {
  const error = errors?.['answer'] as { code: string; limit?: number } | undefined;
  if (!error) return null;
  const limit = error.limit ?? 0;
  switch (error.code) {
    case 'required':
    case 'requiredTrue':
    case 'type':
    case 'option':
    case 'duplicate':
    case 'unknown':
      return { key: `application.errors.${error.code}` as TranslationKey };
    case 'max_length':
      return { key: 'application.errors.max_length', params: { limit: maxLengthOf(field) } };
    case 'min':
      return { key: field.type === 'multichoice' ? 'application.errors.minPicks' : 'application.errors.min', params: { limit } };
    case 'max':
      return { key: field.type === 'multichoice' ? 'application.errors.maxPicks' : 'application.errors.max', params: { limit } };
    case 'format':
      return {
        key:
          field.type === 'email'
            ? 'application.errors.email'
            : field.type === 'url'
              ? 'application.errors.url'
              : field.type === 'phone'
                ? 'application.errors.phone'
                : 'application.errors.date',
      };
    default:
      return { key: 'application.errors.type' };
  }
}
