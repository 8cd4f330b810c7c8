import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import type { TranslationKey, UiMessage } from '@laurel/console-util';

/** Validator error name → the sentence for it; `params` fill the sentence's placeholders. */
export type ErrorMessages = Partial<Record<string, { key: TranslationKey; params?: Record<string, number> }>>;

/** The message for the first failing check of a control, in the order the map lists them. */
export function firstError(control: AbstractControl, messages: ErrorMessages): UiMessage | null {
  const errors = control.errors;
  if (!errors) return null;
  const name = Object.keys(messages).find((candidate) => candidate in errors);
  return name ? (messages[name] ?? null) : null;
}

/** Spaces alone are not a password (the API refuses them too). */
export const notBlank: ValidatorFn = (control): ValidationErrors | null =>
  typeof control.value === 'string' && control.value.length > 0 && control.value.trim().length === 0 ? { blank: true } : null;

/** The password may not be the e-mail of the same form (the API refuses it too). */
export function notSameAs(siblingName: string): ValidatorFn {
  return (control): ValidationErrors | null => {
    const sibling = control.parent?.get(siblingName)?.value;
    const value = control.value;
    if (typeof value !== 'string' || typeof sibling !== 'string' || !sibling.trim()) return null;
    return value.trim().toLowerCase() === sibling.trim().toLowerCase() ? { sameAsEmail: true } : null;
  };
}
