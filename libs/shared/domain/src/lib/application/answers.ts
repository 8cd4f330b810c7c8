import { isCalendarDate } from './calendar-date';
import { type AnswerValue, type Answers, fieldApplies, type FieldProblem, type FormField, maxLengthOf } from './form-fields';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_PATTERN = /^https?:\/\/[^\s/?#]+\.[^\s/?#]+([/?#]\S*)?$/i;
/** A leading +, digits, and the spaces, dots, dashes and brackets people write between them. */
const PHONE = /^\+?[0-9][0-9 .()-]*$/;

/** Whether a value counts as an answer: empty text, an empty pick list and an unticked box do not. */
export function isAnswered(field: Pick<FormField, 'type'>, value: AnswerValue | null | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (field.type === 'boolean') return value === true;
  return true;
}

/**
 * Type-checks answers as a save sends them (any subset of the form; null clears an answer).
 * A key the form does not have is refused rather than kept: an answer nobody asked for would
 * travel to the workbooks and, in a blind round, nobody would know whether it names the team.
 */
export function checkAnswers(
  fields: readonly FormField[],
  input: unknown,
  path = 'answers',
): { answers: Record<string, AnswerValue | null>; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      answers: {},
      problems: [{ field: path, code: 'type', message: 'must be an object of answers by field key, such as {"teamSize": 4}' }],
    };
  }
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const answers: Record<string, AnswerValue | null> = {};
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    const field = byKey.get(key);
    const at = `${path}.${key}`;
    if (!field) {
      problems.push({ field: at.slice(0, 200), code: 'unknown', message: "is not a field of this contest's form: leave it out" });
      continue;
    }
    if (value === null) {
      answers[key] = null;
      continue;
    }
    const problem = checkAnswer(field, value);
    if (problem) problems.push({ field: at, ...problem });
    else answers[key] = value as AnswerValue;
  }
  return { answers: problems.length > 0 ? {} : answers, problems };
}

/** What is wrong with one answer, or null when it fits its field. */
export function checkAnswer(field: FormField, value: unknown): Omit<FieldProblem, 'field'> | null {
  switch (field.type) {
    case 'text':
    case 'longtext':
    case 'url':
    case 'email':
    case 'phone':
      return checkText(field, value);
    case 'choice':
      if (typeof value !== 'string') return { code: 'type', message: 'must be one of the options, as text' };
      if (value !== '' && !(field.options ?? []).includes(value))
        return { code: 'option', message: `must be one of: ${(field.options ?? []).join(', ')}` };
      return null;
    case 'multichoice': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return { code: 'type', message: 'must be a list of options' };
      const outside = value.find((v) => !(field.options ?? []).includes(v));
      if (outside !== undefined)
        return {
          code: 'option',
          message: `"${String(outside).slice(0, 80)}" is not an option; pick from: ${(field.options ?? []).join(', ')}`,
        };
      if (new Set(value).size !== value.length) return { code: 'duplicate', message: 'lists an option twice' };
      if (value.length > 0 && field.min !== undefined && value.length < field.min)
        return { code: 'min', message: `needs at least ${field.min} picks`, limit: field.min };
      if (field.max !== undefined && value.length > field.max)
        return { code: 'max', message: `takes at most ${field.max} picks`, limit: field.max };
      return null;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return { code: 'type', message: 'must be a number' };
      if (field.min !== undefined && value < field.min) return { code: 'min', message: `must be at least ${field.min}`, limit: field.min };
      if (field.max !== undefined && value > field.max) return { code: 'max', message: `must be at most ${field.max}`, limit: field.max };
      return null;
    case 'date':
      if (value === '') return null;
      return isCalendarDate(value) ? null : { code: 'format', message: 'must be a date written YYYY-MM-DD, such as 2022-03-15' };
    case 'boolean':
      return typeof value === 'boolean' ? null : { code: 'type', message: 'must be true or false' };
  }
}

function checkText(field: FormField, value: unknown): Omit<FieldProblem, 'field'> | null {
  if (typeof value !== 'string') return { code: 'type', message: 'must be text' };
  if (value.includes('\u0000')) return { code: 'type', message: 'must not hold NUL characters' };
  const limit = maxLengthOf(field);
  if (value.length > limit) return { code: 'max_length', message: `is longer than ${limit} characters (it has ${value.length})`, limit };
  const text = value.trim();
  if (text === '') return null;
  if (field.type === 'email' && !EMAIL.test(text)) return { code: 'format', message: 'must be an e-mail address such as team@example.com' };
  if (field.type === 'url' && !URL_PATTERN.test(text))
    return { code: 'format', message: 'must be a web address starting with https:// or http://' };
  if (field.type === 'phone') {
    const digits = text.replace(/\D/g, '').length;
    if (!PHONE.test(text) || digits < 6 || digits > 15)
      return { code: 'format', message: 'must be a phone number of 6 to 15 digits, such as +84 912 345 678' };
  }
  return null;
}

/** Required fields of the entry's category left unanswered, for the 422 of a submission. */
export function missingAnswers(fields: readonly FormField[], answers: Answers, categoryId: string | null | undefined): FieldProblem[] {
  return fields
    .filter((field) => field.required && fieldApplies(field, categoryId) && !isAnswered(field, answers[field.key]))
    .map((field) => ({
      field: `answers.${field.key}`,
      code: 'required',
      message:
        field.type === 'boolean'
          ? `"${field.label.en}" must be ticked before submitting`
          : `"${field.label.en}" is required: answer it before submitting`,
    }));
}

/** Applies a save to the stored answers: given keys replace, null removes. Answers of removed fields stay. */
export function mergeAnswers(stored: Answers, changes: Record<string, AnswerValue | null>): Answers {
  const merged: Answers = { ...stored };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}
