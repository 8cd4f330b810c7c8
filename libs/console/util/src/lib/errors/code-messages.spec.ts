import { API_ERROR_CODES, type ApiError } from '@laurel/contracts';
import { en } from '../i18n/en';
import { vi } from '../i18n/vi';
import { CODE_MESSAGES } from './code-messages';
import { refusalMessage } from './refusal-message';

/** The text of a dotted key in a dictionary, or undefined. */
function textOf(dictionary: object, key: string): string | undefined {
  let node: unknown = dictionary;
  for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

describe('CODE_MESSAGES', () => {
  it.each([...API_ERROR_CODES])('words %s in Vietnamese and English', (code) => {
    const key = CODE_MESSAGES[code];
    expect({ code, vi: textOf(vi, key)?.trim() ? 'worded' : 'missing' }).toEqual({ code, vi: 'worded' });
    expect({ code, en: textOf(en, key)?.trim() ? 'worded' : 'missing' }).toEqual({ code, en: 'worded' });
  });

  it('has no sentence for a code the API does not answer with', () => {
    expect(Object.keys(CODE_MESSAGES).sort()).toEqual([...API_ERROR_CODES].sort());
  });

  it('is what a refusal with the code says, never the API’s English', () => {
    for (const code of API_ERROR_CODES) {
      const body: ApiError = { statusCode: 409, error: 'Conflict', message: 'An English sentence.', code };
      expect({ code, message: refusalMessage(409, body, null) }).toEqual({
        code,
        message: expect.objectContaining({ key: CODE_MESSAGES[code] }),
      });
    }
  });
});
