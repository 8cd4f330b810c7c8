import type { UiMessage } from './ui-message';
import type { vi } from './vi';

/** Every language has exactly the keys of the Vietnamese dictionary: the compiler refuses a
 *  missing key (missing property) and a stray one (excess property in the object literal). */
export type Dictionary = typeof vi;

type KeyPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : KeyPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** `'auth.signIn.title'` and every other leaf of the dictionary; templates are checked too. */
export type TranslationKey = KeyPaths<Dictionary>;

/**
 * A value a sentence names that is written the reader's way when the sentence is shown, so that it
 * follows a language switch: a quantity ("7,5" in Vietnamese, "7.5" in English; "1.234"/"1,234"), an
 * instant (in the reader's own time zone, as every date of the console: `formatDateTime`), a file
 * size (`formatBytes`), or a sentence of its own (a field's label, one problem of a refusal;
 * `messages` are said one after another, a `list` as "A, B and C").
 * A plain number is written as it is (a year, a judge's number, a seed).
 */
export type LocaleValue =
  | { readonly number: number }
  | { readonly date: string }
  | { readonly bytes: number }
  | { readonly message: UiMessage }
  | { readonly messages: readonly UiMessage[] }
  | { readonly list: readonly UiMessage[] };

export type TranslationParam = string | number | LocaleValue;
export type TranslationParams = Readonly<Record<string, TranslationParam>>;
