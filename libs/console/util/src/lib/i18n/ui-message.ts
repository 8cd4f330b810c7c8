import type { TranslationKey, TranslationParams } from './dictionary';

/**
 * Something to tell a person, kept untranslated so that it follows a language switch: a key of
 * the dictionary, or a text the API wrote (used only when no translation is known).
 */
export type UiMessage = { key: TranslationKey; params?: TranslationParams } | { text: string };
