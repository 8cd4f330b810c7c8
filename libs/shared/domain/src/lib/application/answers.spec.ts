import fc from 'fast-check';
import { checkAnswers, isAnswered, mergeAnswers, missingAnswers } from './answers';
import type { FormField } from './form-fields';

const l = (en: string) => ({ vi: en, en });
const form: FormField[] = [
  { key: 'foundedOn', label: l('Founding date'), type: 'date', required: true },
  { key: 'taxCode', label: l('Tax code'), type: 'text', required: true, maxLength: 14, identifying: true },
  { key: 'pitch', label: l('Pitch'), type: 'longtext', required: false },
  { key: 'stage', label: l('Stage'), type: 'choice', required: true, options: ['Ý tưởng', 'MVP'] },
  { key: 'sectors', label: l('Sectors'), type: 'multichoice', required: false, options: ['AI', 'Agri', 'Fintech'], min: 1, max: 2 },
  { key: 'revenue', label: l('Revenue'), type: 'number', required: false, min: 0 },
  { key: 'agree', label: l('I accept the rules'), type: 'boolean', required: true },
  { key: 'site', label: l('Website'), type: 'url', required: false },
  { key: 'contact', label: l('Contact'), type: 'email', required: false },
  { key: 'phone', label: l('Phone'), type: 'phone', required: false },
  { key: 'campus', label: l('Campus'), type: 'text', required: true, categoryIds: ['students'] },
];

describe(checkAnswers.name, () => {
  it('takes answers of the right type and null to clear one', () => {
    const input = {
      foundedOn: '2024-02-29',
      taxCode: '0312345678',
      stage: 'MVP',
      sectors: ['AI', 'Fintech'],
      revenue: 1_500_000_000,
      agree: true,
      site: 'https://startup.vn/about',
      contact: 'team@startup.vn',
      phone: '+84 912 345 678',
      pitch: null,
    };
    expect(checkAnswers(form, input)).toEqual({ answers: input, problems: [] });
  });

  it.each([
    [{ foundedOn: '2023-02-29' }, 'answers.foundedOn', 'format'],
    [{ foundedOn: 20230228 }, 'answers.foundedOn', 'format'],
    [{ taxCode: '0'.repeat(15) }, 'answers.taxCode', 'max_length'],
    [{ taxCode: 312345678 }, 'answers.taxCode', 'type'],
    [{ pitch: 'x'.repeat(1024 * 1024) }, 'answers.pitch', 'max_length'],
    [{ stage: 'Doanh thu' }, 'answers.stage', 'option'],
    [{ sectors: ['AI', 'Agri', 'Fintech'] }, 'answers.sectors', 'max'],
    [{ sectors: ['AI', 'AI'] }, 'answers.sectors', 'duplicate'],
    [{ sectors: 'AI' }, 'answers.sectors', 'type'],
    [{ revenue: -1 }, 'answers.revenue', 'min'],
    [{ revenue: '100' }, 'answers.revenue', 'type'],
    [{ agree: 'yes' }, 'answers.agree', 'type'],
    [{ site: 'javascript:alert(1)' }, 'answers.site', 'format'],
    [{ contact: 'team at startup' }, 'answers.contact', 'format'],
    [{ phone: '12345' }, 'answers.phone', 'format'],
    [{ ceoPassport: 'B1234567' }, 'answers.ceoPassport', 'unknown'],
  ])('refuses %j', (input, field, code) => {
    const result = checkAnswers(form, input);
    expect(result.answers).toEqual({});
    expect(result.problems).toEqual([expect.objectContaining({ field, code })]);
  });

  it('refuses what is not an object of answers', () => {
    expect(checkAnswers(form, ['MVP']).problems).toEqual([expect.objectContaining({ field: 'answers', code: 'type' })]);
  });

  it('never throws, and what it accepts it accepts again (any input)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...form.map((f) => f.key), 'other'),
          fc.oneof(fc.anything(), fc.constantFrom('MVP', '2020-01-01', true)),
        ),
        (input) => {
          const { answers, problems } = checkAnswers(form, input);
          if (problems.length === 0) expect(checkAnswers(form, answers).problems).toEqual([]);
          else expect(answers).toEqual({});
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe(missingAnswers.name, () => {
  it("names every required field of the entry's category left empty; a required box must be ticked", () => {
    const missing = missingAnswers(form, { foundedOn: '2022-01-01', taxCode: '  ', stage: 'MVP', agree: false }, 'startups');
    expect(missing.map((m) => m.field)).toEqual(['answers.taxCode', 'answers.agree']);
    // The campus question is asked of students only.
    expect(
      missingAnswers(form, { foundedOn: '2022-01-01', taxCode: '1', stage: 'MVP', agree: true }, 'students').map((m) => m.field),
    ).toEqual(['answers.campus']);
  });
});

describe(mergeAnswers.name, () => {
  it('replaces the keys given, removes those set to null and keeps the rest', () => {
    expect(mergeAnswers({ a: 1, b: 'x', gone: true }, { a: 2, b: null })).toEqual({ a: 2, gone: true });
  });
});

describe(isAnswered.name, () => {
  it('counts 0 and false-as-a-number as answers but not empty text or empty picks', () => {
    expect(isAnswered({ type: 'number' }, 0)).toBe(true);
    expect(isAnswered({ type: 'text' }, ' ')).toBe(false);
    expect(isAnswered({ type: 'multichoice' }, [])).toBe(false);
    expect(isAnswered({ type: 'boolean' }, false)).toBe(false);
  });
});
