import fc from 'fast-check';
import { ELIGIBILITY_RULE_KINDS, parseEligibilityRules } from './eligibility-rules';
import type { FormField } from './form-fields';

const l = (en: string) => ({ vi: en, en });
const form: FormField[] = [
  { key: 'foundedOn', label: l('Founded'), type: 'date', required: true },
  { key: 'province', label: l('Province'), type: 'choice', required: true, options: ['Hải Phòng', 'Hà Nội'] },
  { key: 'agree', label: l('Agree'), type: 'boolean', required: true },
];
const message = l('Not eligible');

describe(parseEligibilityRules.name, () => {
  it('reads every kind', () => {
    const input = [
      { id: 'a', kind: 'max_team_size', params: { max: 5 }, message },
      { id: 'b', kind: 'min_team_size', params: { min: 1 }, message },
      { id: 'c', kind: 'date_within_years', params: { field: 'foundedOn', years: 5 }, message },
      { id: 'd', kind: 'choice_in', params: { field: 'province', values: ['Hải Phòng'] }, message },
      { id: 'e', kind: 'must_be_true', params: { field: 'agree' }, message },
      { id: 'f', kind: 'max_entries_per_organization', params: { max: 2 }, message },
    ];
    expect(parseEligibilityRules(input, form)).toEqual({ rules: input, problems: [] });
  });

  it.each([
    [{ id: 'a', kind: 'must_be_true', params: { field: 'accepted' }, message }, 'eligibilityRules.0.params.field', 'unknown'],
    [{ id: 'a', kind: 'must_be_true', params: { field: 'province' }, message }, 'eligibilityRules.0.params.field', 'type'],
    [{ id: 'a', kind: 'choice_in', params: { field: 'province', values: ['Huế'] }, message }, 'eligibilityRules.0.params.values', 'option'],
    [{ id: 'a', kind: 'number_range', params: { field: 'province', min: 0 }, message }, 'eligibilityRules.0.params.field', 'type'],
    [{ id: 'a', kind: 'max_team_size', params: { max: 0 }, message }, 'eligibilityRules.0.params.max', 'range'],
    [
      { id: 'a', kind: 'date_within_years', params: { field: 'foundedOn', years: 2.5 }, message },
      'eligibilityRules.0.params.years',
      'range',
    ],
    [{ id: 'a', kind: 'max_team_size', params: { max: 5, extra: 1 }, message }, 'eligibilityRules.0.params.extra', 'unknown'],
    [{ id: 'a', kind: 'max_team_size', params: { max: 5 }, message: { vi: 'Không', en: '' } }, 'eligibilityRules.0.message.en', 'required'],
    [{ id: 'a b', kind: 'max_team_size', params: { max: 5 }, message }, 'eligibilityRules.0.id', 'format'],
    [{ id: 'a', kind: 'oldest', params: {}, message }, 'eligibilityRules.0.kind', 'option'],
  ])('refuses %j', (rule, field, code) => {
    const { rules, problems } = parseEligibilityRules([rule], form);
    expect(rules).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ field, code })]);
  });

  it('wants number_range bounds in order, and rule ids once', () => {
    const numberForm: FormField[] = [{ key: 'revenue', label: l('Revenue'), type: 'number', required: false }];
    expect(
      parseEligibilityRules([{ id: 'r', kind: 'number_range', params: { field: 'revenue', min: 5, max: 1 }, message }], numberForm)
        .problems,
    ).toEqual([expect.objectContaining({ field: 'eligibilityRules.0.params.max', code: 'min' })]);
    expect(parseEligibilityRules([{ id: 'r', kind: 'number_range', params: { field: 'revenue' }, message }], numberForm).problems).toEqual([
      expect.objectContaining({ field: 'eligibilityRules.0.params', code: 'required' }),
    ]);
    const twice = [
      { id: 'r', kind: 'max_team_size', params: { max: 5 }, message },
      { id: 'r', kind: 'min_team_size', params: { min: 1 }, message },
    ];
    expect(parseEligibilityRules(twice, []).problems).toEqual([
      expect.objectContaining({ field: 'eligibilityRules.1.id', code: 'duplicate' }),
    ]);
  });

  it('never throws; what it accepts names only fields of the form and reads back the same (any input)', () => {
    const rule = fc.record({
      id: fc.oneof(fc.constantFrom('a', 'b'), fc.string()),
      kind: fc.oneof(fc.constantFrom(...ELIGIBILITY_RULE_KINDS), fc.string()),
      params: fc.oneof(
        fc.record(
          { field: fc.constantFrom('foundedOn', 'province', 'agree', 'x'), years: fc.integer({ min: -1, max: 120 }) },
          { requiredKeys: [] },
        ),
        fc.record({ max: fc.integer({ min: -1, max: 2000 }), min: fc.integer({ min: -1, max: 200 }) }, { requiredKeys: [] }),
        fc.anything(),
      ),
      message: fc.oneof(fc.constant(message), fc.anything()),
    });
    fc.assert(
      fc.property(fc.oneof(fc.array(rule, { maxLength: 4 }), fc.anything()), (input) => {
        const { rules, problems } = parseEligibilityRules(input, form);
        if (problems.length > 0) expect(rules).toEqual([]);
        for (const r of rules) if ('field' in r.params) expect(form.map((f) => f.key)).toContain(r.params.field);
        expect(parseEligibilityRules(rules, form)).toEqual({ rules, problems: [] });
      }),
      { numRuns: 500 },
    );
  });
});
