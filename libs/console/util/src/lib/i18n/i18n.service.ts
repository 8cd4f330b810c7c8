import { DOCUMENT, Injectable, computed, effect, inject, signal } from '@angular/core';
import { localStore } from '../storage/local-store';
import type { Dictionary, TranslationKey, TranslationParams } from './dictionary';
import { interpolate } from './interpolate';
import { LANGUAGE_STORAGE_KEY, type Language, initialLanguage, localeFor } from './language';
import type { UiMessage } from './ui-message';

type Messages = ReadonlyMap<string, string>;

// Each language is its own lazy chunk: a visitor downloads only the one they read.
const LOADERS: Record<Language, () => Promise<Dictionary>> = {
  vi: () => import('./vi').then((m) => m.vi),
  en: () => import('./en').then((m) => m.en),
};

@Injectable({ providedIn: 'root' })
export class I18nService {
  private readonly document = inject(DOCUMENT);
  private readonly loaded = signal<Partial<Record<Language, Messages>>>({});
  private readonly current = signal<Language>(initialLanguage());

  readonly lang = this.current.asReadonly();
  /** BCP 47 locale for `Intl` formatting in the current language. */
  readonly locale = computed(() => localeFor(this.current()));
  private readonly messages = computed(() => this.loaded()[this.current()]);

  constructor() {
    effect(() => {
      this.document.documentElement.lang = this.current();
    });
  }

  /** Resolves once the dictionary of the current language is in (the app waits for it at start). */
  ready(): Promise<void> {
    return this.load(this.current());
  }

  async use(language: Language): Promise<void> {
    await this.load(language);
    this.current.set(language);
    localStore.set(LANGUAGE_STORAGE_KEY, language);
  }

  /** The text for `key` in the current language, `{name}` placeholders filled from `params` the language's way. */
  t(key: TranslationKey, params?: TranslationParams): string {
    const template = this.messages()?.get(key) ?? key;
    if (!params) return template;
    return interpolate(template, params, this.locale(), (message) => this.render(message));
  }

  render(message: UiMessage): string {
    if ('key' in message) return this.t(message.key, message.params);
    if (message.fallback && this.current() !== 'en') return this.t(message.fallback.key, message.fallback.params);
    return message.text;
  }

  /** "A, B or C" in the current language. */
  formatList(items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
    return new Intl.ListFormat(this.locale(), { style: 'long', type }).format(items);
  }

  private async load(language: Language): Promise<void> {
    if (this.loaded()[language]) return;
    const messages = flatten(await LOADERS[language]());
    this.loaded.update((all) => ({ ...all, [language]: messages }));
  }
}

function flatten(tree: object, prefix = '', into = new Map<string, string>()): Messages {
  for (const [name, value] of Object.entries(tree)) {
    if (typeof value === 'string') into.set(prefix + name, value);
    else flatten(value as object, `${prefix}${name}.`, into);
  }
  return into;
}
