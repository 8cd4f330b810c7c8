import 'reflect-metadata';
import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import fc from 'fast-check';
import { LaurelValidationPipe, VALIDATION_OPTIONS } from '@laurel/api-core';
import { SaveSheetDto } from './judging.dto';
import { saveSheetBodyAsIs } from './save-sheet-check';

const BODY: ArgumentMetadata = { type: 'body', metatype: SaveSheetDto };

/** What a pipe makes of a body: the value handed to the route as JSON, or the refusal's answer. */
async function answer(pipe: ValidationPipe, body: unknown): Promise<unknown> {
  try {
    const value: unknown = await pipe.transform(structuredClone(body), BODY);
    return { value: JSON.parse(JSON.stringify(value ?? null)) as unknown };
  } catch (error) {
    return { status: (error as { getStatus(): number }).getStatus(), response: (error as { getResponse(): unknown }).getResponse() };
  }
}

const text = (max: number) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.string({ maxLength: 8 }) },
    // Around the limit, in characters and in UTF-16 units (class-validator counts an emoji once).
    fc.constantFrom('x'.repeat(max), 'x'.repeat(max + 1), '😀'.repeat(max / 2 + 1), '😀'.repeat(max + 1)),
  );

/** Anything a score or a body field could hold, mostly near what a client sends. */
const odd = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.string({ maxLength: 4 }), fc.anything({ maxDepth: 1 }));

const score = fc.record(
  {
    criterionId: fc.oneof(
      { weight: 4, arbitrary: fc.uuid() },
      fc.constantFrom('00000000-0000-0000-0000-000000000000', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', 'not-a-uuid'),
      odd,
    ),
    value: fc.oneof(
      { weight: 4, arbitrary: fc.double({ min: -1, max: 11 }) },
      fc.integer({ min: -5, max: 200 }),
      fc.constantFrom(1e308, -0, 7.25),
      odd,
    ),
    comment: fc.oneof(text(4000), odd),
    commentInternal: fc.oneof(fc.boolean(), odd),
    extra: odd,
  },
  { requiredKeys: ['criterionId', 'value'] },
);

/** A body a console would send, every field in range or just past a limit. */
const plausible = fc.record(
  {
    scores: fc.array(
      fc.record(
        { criterionId: fc.uuid(), value: fc.double({ min: 0, max: 10, noNaN: true }), comment: text(4000), commentInternal: fc.boolean() },
        // A parsed JSON body never has a null prototype; fast-check makes some unless told.
        { requiredKeys: ['criterionId', 'value'], noNullPrototype: true },
      ),
      { maxLength: 8 },
    ),
    comment: text(10_000),
    commentInternal: fc.boolean(),
    version: fc.nat({ max: 50 }),
  },
  { requiredKeys: ['scores'], noNullPrototype: true },
);

const body = fc.oneof(
  { weight: 6, arbitrary: plausible },
  {
    weight: 9,
    arbitrary: fc.record(
      {
        scores: fc.oneof(
          { weight: 6, arbitrary: fc.array(fc.oneof({ weight: 8, arbitrary: score }, odd), { maxLength: 8 }) },
          fc.array(score, { minLength: 99, maxLength: 102 }),
          odd,
        ),
        comment: fc.oneof(text(10_000), odd),
        commentInternal: fc.oneof(fc.boolean(), odd),
        version: fc.oneof(fc.nat({ max: 50 }), fc.integer({ min: -3, max: -1 }), fc.constantFrom(0.5, 2 ** 53), odd),
        constructor: odd,
        extra: odd,
      },
      { requiredKeys: [] },
    ),
  },
  fc.anything({ maxDepth: 2 }),
);

describe('the sheet save body check', () => {
  const decorators = new ValidationPipe(VALIDATION_OPTIONS);
  const laurel = new LaurelValidationPipe();

  it('accepts an autosave as the console sends it, with or without the optional fields', () => {
    const scores = [
      { criterionId: '6f1c2a9e-4b7d-4c1e-9a3b-2d5e8f0a1b2c', value: 7.25 },
      { criterionId: '0b7e4c2d-1a3f-4e5b-8c9d-7f6a5b4c3d2e', value: 10, comment: 'Clear market', commentInternal: true },
    ];
    expect(saveSheetBodyAsIs({ scores, comment: 'Strong team', commentInternal: false, version: 3 })).toBe(true);
    expect(saveSheetBodyAsIs({ scores: [] })).toBe(true);
  });

  it('leaves null optional fields, unknown fields and wrong types to the decorators', () => {
    const scores = [{ criterionId: '6f1c2a9e-4b7d-4c1e-9a3b-2d5e8f0a1b2c', value: 7 }];
    for (const refused of [
      { scores, version: null },
      { scores, note: 'x' },
      { scores: [{ ...scores[0], value: '7' }] },
      { scores: {} },
      [scores],
      null,
      'scores',
    ]) {
      expect(saveSheetBodyAsIs(refused)).toBe(false);
    }
  });

  it('accepts only bodies the decorators pass unchanged, so the pipe answers every body as before', async () => {
    // A body that is not a JSON object is refused before the decorators, with its own code.
    const notAnObject = (sent: unknown) => sent !== null && sent !== undefined && (typeof sent !== 'object' || Array.isArray(sent));
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(body, async (sent) => {
        const before = await answer(decorators, sent);
        if (saveSheetBodyAsIs(sent)) {
          accepted++;
          expect(before).toEqual({ value: JSON.parse(JSON.stringify(sent)) as unknown });
        }
        if (notAnObject(sent)) {
          expect(saveSheetBodyAsIs(sent)).toBe(false);
          expect(await answer(laurel, sent)).toMatchObject({ status: 400, response: { code: 'request.not_json_object' } });
        } else expect(await answer(laurel, sent)).toEqual(before);
      }),
      { numRuns: 500 },
    );
    // Both sides of the check were exercised, not only the refusals.
    expect(accepted).toBeGreaterThan(50);
  });
});
