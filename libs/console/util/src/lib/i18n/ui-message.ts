import type { TranslationKey, TranslationParams } from './dictionary';

/**
 * Something to tell a person, kept untranslated so that it follows a language switch: a key of
 * the dictionary, or a text the API wrote. The API writes English, so a text carries a sentence
 * of ours (`fallback`) that every other language shows instead: no English reaches a
 * Vietnamese page. A value that is a word of the dictionary itself (a prize tier, a field's name)
 * is a param `{ message: { key } }`, said in the language of the sentence around it.
 */
export type UiMessage =
  { key: TranslationKey; params?: TranslationParams } | { text: string; fallback?: { key: TranslationKey; params?: TranslationParams } };
