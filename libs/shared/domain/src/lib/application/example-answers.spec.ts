import fc from 'fast-check';
import { missingAnswers, checkAnswers } from './answers';
import { checkEligibility } from './check-eligibility';
import { parseEligibilityRules, type EligibilityRule } from './eligibility-rules';
import { exampleAnswer, exampleAnswers } from './example-answers';
import { FORM_FIELD_TYPES, type FormField, parseFormFields } from './form-fields';
import { known } from '../util/known';

const l = (en: string) => ({ vi: `${en} (vi)`, en });
// The demo contest's form: questions for startups only, a list of provinces, a capped team size.
const form: FormField[] = [
  { key: 'foundedOn', label: l('Founded'), type: 'date', required: true, categoryIds: ['startups'] },
  { key: 'taxCode', label: l('Tax code'), type: 'text', required: true, maxLength: 5, identifying: true, categoryIds: ['startups'] },
  { key: 'province', label: l('Province'), type: 'choice', required: true, options: ['Hà Nội', 'Hải Phòng', 'Quảng Ninh'] },
  { key: 'sectors', label: l('Sectors'), type: 'multichoice', required: true, options: ['AI', 'Agri', 'Tourism'], min: 2 },
  { key: 'teamSize', label: l('Team size'), type: 'number', required: true, min: 1, max: 100 },
  { key: 'revenue', label: l('Revenue'), type: 'number', required: false, min: 0 },
  { key: 'agree', label: l('Agree'), type: 'boolean', required: true },
  { key: 'site', label: l('Site'), type: 'url', required: false },
  { key: 'mail', label: l('Mail'), type: 'email', required: false },
  { key: 'phone', label: l('Phone'), type: 'phone', required: false },
];
const rules: EligibilityRule[] = [
  { id: 'young', kind: 'date_within_years', params: { field: 'foundedOn', years: 5 }, message: l('Founded at most 5 years ago') },
  { id: 'local', kind: 'choice_in', params: { field: 'province', values: ['Hải Phòng'] }, message: l('In Hải Phòng') },
  { id: 'sector', kind: 'choice_in', params: { field: 'sectors', values: ['Agri', 'Tourism'] }, message: l('Agriculture or tourism') },
  { id: 'small', kind: 'number_range', params: { field: 'teamSize', min: 2, max: 5 }, message: l('2 to 5 people') },
  { id: 'agree', kind: 'must_be_true', params: { field: 'agree' }, message: l('Accept the rules') },
];

describe(exampleAnswers.name, () => {
  it('answers every question of the category in a way its checks and the rules take', () => {
    const answers = exampleAnswers(form, rules, 'startups', '2026-04-30');
    expect(answers).toEqual({
      // One year before the deadline: inside "at most 5 years".
      foundedOn: '2025-04-30',
      // "Ví dụ - Example" cut to the field's 5 characters.
      taxCode: 'Ví dụ',
      // The first option the rule allows, not the first option.
      province: 'Hải Phòng',
      // Two picks (the field's min), both allowed by the rule.
      sectors: ['Agri', 'Tourism'],
      // The field allows 1..100, the rule 2..5: the lowest both take.
      teamSize: 2,
      revenue: 0,
      agree: true,
      site: 'https://example.vn',
      mail: 'team@example.vn',
      phone: '+84 912 345 678',
    });
    expect(checkAnswers(form, answers).problems).toEqual([]);
    expect(missingAnswers(form, answers, 'startups')).toEqual([]);
    const checks = checkEligibility(rules, form, {
      categoryId: 'startups',
      answers,
      memberCount: 3,
      deadline: '2026-04-30',
      organizationPlace: 1,
    });
    expect(checks.filter((c) => !c.passed)).toEqual([]);
  });

  it('leaves out the questions of other categories', () => {
    expect(Object.keys(exampleAnswers(form, rules, 'students', '2026-04-30'))).not.toContain('foundedOn');
  });

  it('stays inside the field when a rule asks for what the field cannot take', () => {
    const narrow: FormField = { key: 'teamSize', label: l('Team'), type: 'number', required: true, min: 1, max: 3 };
    const impossible: EligibilityRule = { id: 'big', kind: 'number_range', params: { field: 'teamSize', min: 10 }, message: l('Big') };
    expect(exampleAnswer(narrow, [impossible], '2026-04-30')).toBe(1);
    // 29 Feb one year back is 28 Feb.
    expect(exampleAnswer(known(form[0], 'the founding date question'), [], '2028-02-29')).toBe('2027-02-28');
  });

  it('fills any form the builder accepts with answers its checks take, meeting every rule that can be met', () => {
    const field = fc.record(
      {
        type: fc.constantFrom(...FORM_FIELD_TYPES),
        required: fc.boolean(),
        options: fc.uniqueArray(fc.constantFrom('A', 'B', 'C', 'D'), { minLength: 1, maxLength: 4 }),
        min: fc.integer({ min: -3, max: 3 }),
        span: fc.integer({ min: 0, max: 6 }),
        maxLength: fc.integer({ min: 1, max: 30 }),
        categoryIds: fc.subarray(['startups', 'students']),
      },
      { requiredKeys: ['type', 'required', 'options', 'min', 'span', 'maxLength', 'categoryIds'] },
    );
    const property = fc.property(
      fc.array(field, { minLength: 1, maxLength: 6 }),
      fc.constantFrom('startups', 'students'),
      fc.integer({ min: 1, max: 30 }),
      fc.constantFrom('2026-04-30', '2024-02-29', '2030-12-31'),
      (specs, categoryId, years, deadline) => {
        const input = specs.map((s, i) => ({
          key: `q${i}`,
          label: l(`Question ${i}`),
          type: s.type,
          required: s.required,
          categoryIds: s.categoryIds,
          ...(s.type === 'choice' || s.type === 'multichoice' ? { options: s.options } : {}),
          ...(s.type === 'number' ? { min: s.min, max: s.min + s.span } : {}),
          ...(s.type === 'multichoice' ? { min: 1, max: s.options.length } : {}),
          ...(s.type === 'text' || s.type === 'longtext' ? { maxLength: s.maxLength } : {}),
        }));
        const { fields, problems } = parseFormFields(input, ['startups', 'students']);
        expect(problems).toEqual([]);
        // Rules that an answer can meet: within the options, within the field's range, N years.
        const ruleInput = fields.flatMap((f, i) => {
          const message = l(`Rule ${i}`);
          if (f.type === 'date') return [{ id: `r${i}`, kind: 'date_within_years', params: { field: f.key, years }, message }];
          if (f.type === 'boolean') return [{ id: `r${i}`, kind: 'must_be_true', params: { field: f.key }, message }];
          if (f.type === 'choice' || f.type === 'multichoice')
            return [{ id: `r${i}`, kind: 'choice_in', params: { field: f.key, values: (f.options ?? []).slice(-2) }, message }];
          if (f.type === 'number') return [{ id: `r${i}`, kind: 'number_range', params: { field: f.key, min: f.max }, message }];
          return [];
        });
        const parsed = parseEligibilityRules(ruleInput, fields);
        expect(parsed.problems).toEqual([]);
        const answers = exampleAnswers(fields, parsed.rules, categoryId, deadline);
        expect(checkAnswers(fields, answers).problems).toEqual([]);
        expect(missingAnswers(fields, answers, categoryId)).toEqual([]);
        const checks = checkEligibility(parsed.rules, fields, { categoryId, answers, memberCount: 1, deadline, organizationPlace: 1 });
        expect(checks.filter((c) => !c.passed)).toEqual([]);
      },
    );
    fc.assert(property, { numRuns: 300 });
  });
});
