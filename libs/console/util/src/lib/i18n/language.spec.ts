import { LANGUAGE_STORAGE_KEY, initialLanguage, localeFor } from './language';

describe('initialLanguage', () => {
  const stored = new Map<string, string>();

  beforeEach(() => {
    stored.clear();
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      value: { getItem: (key: string) => stored.get(key) ?? null },
    });
  });

  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'localStorage');
  });

  it('follows a browser that asks for Vietnamese first', () => {
    expect(initialLanguage('vi-VN')).toBe('vi');
    expect(initialLanguage('vi')).toBe('vi');
  });

  it('falls back to English for every other browser language', () => {
    expect(initialLanguage('en-US')).toBe('en');
    expect(initialLanguage('fr-FR')).toBe('en');
    expect(initialLanguage('')).toBe('en');
  });

  it('prefers the remembered choice over the browser', () => {
    stored.set(LANGUAGE_STORAGE_KEY, 'vi');
    expect(initialLanguage('en-US')).toBe('vi');
  });

  it('ignores a remembered value that is no language of ours', () => {
    stored.set(LANGUAGE_STORAGE_KEY, 'de');
    expect(initialLanguage('vi-VN')).toBe('vi');
  });
});

describe('localeFor', () => {
  it('keeps the browser English variant and writes Vietnamese as vi-VN', () => {
    expect(localeFor('vi', 'en-US')).toBe('vi-VN');
    expect(localeFor('en', 'en-US')).toBe('en-US');
    expect(localeFor('en', 'vi-VN')).toBe('en-GB');
  });
});
