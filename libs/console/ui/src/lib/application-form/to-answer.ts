import type { AnswerValue, FormField } from '@laurel/contracts';

/** What a control holds while a person types: the answer, or null for none yet. */
export type AnswerInput = string | number | boolean | string[] | null;

/**
 * The control's value as the API takes it: null for "no answer" (an empty box, no picks). A number
 * box hands over text (its input type is bound, so Angular's number accessor never applies): "4"
 * becomes 4, and "1,5" 1.5 as a Vietnamese keyboard writes it; text that is no number stays text,
 * for the check to name.
 */
export function toAnswer(field: FormField, value: AnswerInput): AnswerValue | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' && value.trim() === '') return null;
  if (Array.isArray(value) && value.length === 0) return null;
  if (field.type === 'number' && typeof value === 'string') {
    const text = value.trim().replace(',', '.');
    return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : value;
  }
  return value;
}
