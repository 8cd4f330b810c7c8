import fc from 'fast-check';
import { FORM_FIELD_TYPES, FORM_LIMITS, parseFormFields } from './form-fields';

const label = { vi: 'Ngày thành lập', en: 'Founding date' };

describe(parseFormFields.name, () => {
  it('reads a realistic form and fills in the defaults', () => {
    const { fields, problems } = parseFormFields(
      [
        { key: 'foundedOn', label, type: 'date', required: true },
        { key: 'taxCode', label: { vi: ' Mã số thuế ', en: 'Tax code' }, type: 'text', maxLength: 14, identifying: true },
        { key: 'stage', label: { vi: 'Giai đoạn', en: 'Stage' }, type: 'choice', required: true, options: ['Ý tưởng', 'MVP', 'Doanh thu'] },
        { key: 'teamSize', label: { vi: 'Số thành viên', en: 'Team size' }, type: 'number', min: 1, max: 50 },
      ],
      ['cat-1'],
    );
    expect(problems).toEqual([]);
    expect(fields[1]).toEqual({
      key: 'taxCode',
      label: { vi: 'Mã số thuế', en: 'Tax code' },
      type: 'text',
      required: false,
      maxLength: 14,
      identifying: true,
    });
    expect(fields[3]).toEqual({
      key: 'teamSize',
      label: { vi: 'Số thành viên', en: 'Team size' },
      type: 'number',
      required: false,
      min: 1,
      max: 50,
    });
  });

  it.each([
    ['FoundedOn', 'formFields.0.key', 'format'],
    ['1st', 'formFields.0.key', 'format'],
    ['founded-on', 'formFields.0.key', 'format'],
    ['a'.repeat(41), 'formFields.0.key', 'format'],
  ])('refuses the key %j', (key, field, code) => {
    expect(parseFormFields([{ key, label, type: 'date', required: false }]).problems).toEqual([expect.objectContaining({ field, code })]);
  });

  it('names the second of two fields with one key', () => {
    const { fields, problems } = parseFormFields([
      { key: 'stage', label, type: 'text', required: false },
      { key: 'stage', label, type: 'number', required: false },
    ]);
    expect(fields).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ field: 'formFields.1.key', code: 'duplicate' })]);
  });

  it('wants options exactly on choice fields, each once', () => {
    expect(parseFormFields([{ key: 'stage', label, type: 'choice', required: true }]).problems).toEqual([
      expect.objectContaining({ field: 'formFields.0.options', code: 'required' }),
    ]);
    expect(parseFormFields([{ key: 'stage', label, type: 'choice', required: true, options: ['MVP', 'MVP'] }]).problems).toEqual([
      expect.objectContaining({ field: 'formFields.0.options.1', code: 'duplicate' }),
    ]);
    expect(parseFormFields([{ key: 'age', label, type: 'number', required: true, options: ['1'] }]).problems).toEqual([
      expect.objectContaining({ field: 'formFields.0.options', code: 'not_applicable' }),
    ]);
  });

  it('keeps limits to the kinds they mean something for', () => {
    expect(parseFormFields([{ key: 'd', label, type: 'date', required: false, min: 1 }]).problems).toEqual([
      expect.objectContaining({ field: 'formFields.0.min', code: 'not_applicable' }),
    ]);
    expect(parseFormFields([{ key: 'n', label, type: 'number', required: false, min: 5, max: 1 }]).problems).toEqual([
      expect.objectContaining({ field: 'formFields.0.max', code: 'min' }),
    ]);
    // 3 options cannot be picked 4 times.
    expect(parseFormFields([{ key: 'm', label, type: 'multichoice', required: false, options: ['a', 'b', 'c'], max: 4 }]).problems).toEqual(
      [expect.objectContaining({ field: 'formFields.0.max', code: 'max', limit: 3 })],
    );
    expect(parseFormFields([{ key: 't', label, type: 'text', required: false, maxLength: FORM_LIMITS.textMax + 1 }]).problems).toEqual([
      expect.objectContaining({ field: 'formFields.0.maxLength', code: 'max' }),
    ]);
    expect(parseFormFields([{ key: 't', label, type: 'longtext', required: false, maxLength: FORM_LIMITS.longtextMax }]).problems).toEqual(
      [],
    );
  });

  it('wants both languages of a label, refuses unknown properties and categories of other contests', () => {
    const { problems } = parseFormFields(
      [{ key: 'x', label: { vi: 'Tên', en: ' ' }, type: 'text', required: false, secret: 1, categoryIds: ['other'] }],
      ['mine'],
    );
    expect(problems.map((p) => p.field).sort()).toEqual(['formFields.0.categoryIds', 'formFields.0.label.en', 'formFields.0.secret']);
  });

  it('never throws and never accepts a form with problems (any input)', () => {
    const property = fc.property(
      fc.oneof(
        fc.anything(),
        fc.array(
          fc.record(
            {
              key: fc.oneof(fc.constantFrom('a', 'b', 'teamSize'), fc.string()),
              label: fc.oneof(fc.constant(label), fc.anything()),
              type: fc.oneof(fc.constantFrom(...FORM_FIELD_TYPES), fc.string()),
              required: fc.oneof(fc.boolean(), fc.anything()),
              options: fc.option(fc.array(fc.string(), { maxLength: 4 })),
              min: fc.option(fc.integer({ min: -3, max: 6 })),
              max: fc.option(fc.integer({ min: -3, max: 6 })),
            },
            { requiredKeys: ['key', 'label', 'type'] },
          ),
          { maxLength: 5 },
        ),
      ),
      (input) => {
        const { fields, problems } = parseFormFields(input);
        expect(problems.length === 0 || fields.length === 0).toBe(true);
        const keys = fields.map((f) => f.key);
        expect(new Set(keys).size).toBe(keys.length);
        // What was accepted reads back the same.
        if (problems.length === 0) expect(parseFormFields(fields)).toEqual({ fields, problems: [] });
      },
    );
    fc.assert(property, { numRuns: 300 });
  });
});
