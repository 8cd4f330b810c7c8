import type { TranslationKey, TranslationParams } from './dictionary';

/**
 * Something to tell a person, kept untranslated so that it follows a language switch: a key of
 * the dictionary, or a text the API wrote. The API writes English, so a text carries a sentence
 * of ours (`fallback`) that every other language shows instead: no English reaches a
 * Vietnamese page. `terms` are values that are words of the dictionary themselves (a prize tier),
 * said in the language of the sentence around them.
 */
export type UiMessage =
  | { key: TranslationKey; params?: TranslationParams; terms?: Readonly<Record<string, TranslationKey>> }
  | { text: string; fallback?: { key: TranslationKey; params?: TranslationParams } };
