import type { vi } from './vi';

/** Every language has exactly the keys of the Vietnamese dictionary: the compiler refuses a
 *  missing key (missing property) and a stray one (excess property in the object literal). */
export type Dictionary = typeof vi;

type KeyPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : KeyPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** `'auth.signIn.title'` and every other leaf of the dictionary; templates are checked too. */
export type TranslationKey = KeyPaths<Dictionary>;

export type TranslationParams = Readonly<Record<string, string | number>>;
