import { API_ERROR_CODES, API_FIELD_PROBLEM_CODES, type ApiError } from '@laurel/contracts';
import { en } from '../i18n/en';
import { vi } from '../i18n/vi';
import { CODE_MESSAGES } from './code-messages';
import { FIELD_PROBLEM_MESSAGES, fieldProblemMessage } from './field-problem-messages';
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

describe('FIELD_PROBLEM_MESSAGES', () => {
  it.each([...API_FIELD_PROBLEM_CODES])('words the field problem %s in Vietnamese and English', (code) => {
    const key = FIELD_PROBLEM_MESSAGES[code];
    expect({ code, vi: textOf(vi, key)?.trim() ? 'worded' : 'missing' }).toEqual({ code, vi: 'worded' });
    expect({ code, en: textOf(en, key)?.trim() ? 'worded' : 'missing' }).toEqual({ code, en: 'worded' });
  });

  it.each([...API_FIELD_PROBLEM_CODES])('names the same values in Vietnamese and English for %s', (code) => {
    const names = (text: string | undefined) => [...(text ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const key = FIELD_PROBLEM_MESSAGES[code];
    expect({ code, vi: names(textOf(vi, key)) }).toEqual({ code, vi: names(textOf(en, key)) });
  });

  it('is what a field problem with the code says, never the API’s English', () => {
    for (const code of API_FIELD_PROBLEM_CODES) {
      const problem = { field: 'somewhere', message: 'An English sentence.', code };
      expect({ code, message: fieldProblemMessage(problem) }).toEqual({ code, message: { key: FIELD_PROBLEM_MESSAGES[code] } });
    }
  });

  it('says a prize tier a problem names as the dictionary’s word for it, in the language of the sentence', () => {
    const problem = { field: 'awards.1.reason', message: 'is needed: …', code: 'award.reason_other_tier' as const };
    expect(fieldProblemMessage({ ...problem, params: { entry: 'ST-004', tier: 'second', proposed: 'third' } })).toEqual({
      key: 'results.awards.problems.reasonOtherTier',
      params: {
        entry: 'ST-004',
        tier: { message: { key: 'results.tiers.second' } },
        proposed: { message: { key: 'results.tiers.third' } },
      },
    });
  });

  it('words an import row from its code and params, and an organizer’s rule by its code', () => {
    const row = { field: 'row 3: teamName', message: 'is empty: fill in "Tên đội / Team name"', code: 'import.empty' as const };
    expect(fieldProblemMessage({ ...row, params: { row: 3, column: 'Tên đội / Team name' } })).toEqual({
      key: 'refusals.fields.import.empty',
      params: { row: { number: 3 }, column: 'Tên đội / Team name' },
    });
    expect(fieldProblemMessage({ field: 'answers.bio', message: 'At most 200', code: 'max_length', limit: 200 })).toEqual({
      key: 'application.problems.max_length',
      params: { limit: { number: 200 } },
    });
    // The organizers' own words are on the contest's rule (the entry page shows them); the line's code says what it is.
    expect(
      fieldProblemMessage({ field: 'eligibilityRules.perOrg', code: 'eligibility.rule_failed', message: 'Mỗi đơn vị tối đa 1 hồ sơ' }),
    ).toEqual({
      key: 'refusals.fields.eligibility.ruleFailed',
    });
  });
});
