import { localStore } from '../storage/local-store';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_STORAGE_KEY = 'laurel.lang';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The remembered choice, else Vietnamese for a browser that asks for it first, else English. */
export function initialLanguage(browserLanguage = globalThis.navigator?.language ?? ''): Language {
  const stored = localStore.get(LANGUAGE_STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  return browserLanguage.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

/** The locale dates and numbers are written in: the browser's own English variant when it has one. */
export function localeFor(language: Language, browserLanguage = globalThis.navigator?.language ?? ''): string {
  if (language === 'vi') return 'vi-VN';
  return browserLanguage.toLowerCase().startsWith('en') ? browserLanguage : 'en-GB';
}
