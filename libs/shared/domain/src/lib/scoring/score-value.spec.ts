import fc from 'fast-check';
import { validateScoreValue } from './score-value';

describe(validateScoreValue.name, () => {
  it('accepts whole numbers and the bounds', () => {
    expect(validateScoreValue(0, 10)).toBeNull();
    expect(validateScoreValue(10, 10)).toBeNull();
    expect(validateScoreValue(7, 10)).toBeNull();
  });

  it('accepts two-decimal values whose binary form is inexact', () => {
    // 1.1·100 = 110.00000000000001, 2.35·100 = 235.00000000000003, 7.45·100 = 745.0000000000001
    expect(validateScoreValue(1.1, 10)).toBeNull();
    expect(validateScoreValue(2.35, 10)).toBeNull();
    expect(validateScoreValue(7.45, 10)).toBeNull();
    expect(validateScoreValue(0.01, 10)).toBeNull();
    expect(validateScoreValue(99.99, 100)).toBeNull();
    expect(validateScoreValue(0.1 + 0.2, 10)).toBeNull();
  });

  it('refuses a third decimal, even one that rounds away in binary', () => {
    // 1.005 is stored as 1.00499999999999989…; ·100 = 100.49999999999999
    expect(validateScoreValue(1.005, 10)).toBe('too_many_decimals');
    expect(validateScoreValue(2.351, 10)).toBe('too_many_decimals');
    expect(validateScoreValue(1.00000000001, 10)).toBe('too_many_decimals');
  });

  it('refuses values outside [0, max]', () => {
    expect(validateScoreValue(-0.01, 10)).toBe('below_zero');
    expect(validateScoreValue(10.01, 10)).toBe('above_max');
  });

  it('refuses what is not a finite number', () => {
    expect(validateScoreValue(Number.NaN, 10)).toBe('not_a_number');
    expect(validateScoreValue(Number.POSITIVE_INFINITY, 10)).toBe('not_a_number');
    expect(validateScoreValue('7', 10)).toBe('not_a_number');
    expect(validateScoreValue(null, 10)).toBe('not_a_number');
    expect(validateScoreValue(undefined, 10)).toBe('not_a_number');
  });

  it('accepts every n/100 up to the maximum (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000 }), (n) => validateScoreValue(n / 100, 1000) === null));
  });

  it('refuses every value with a non-zero third decimal (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999 }),
        fc.integer({ min: 1, max: 9 }),
        (cents, thousandth) => validateScoreValue((cents * 10 + thousandth) / 1000, 1000) === 'too_many_decimals',
      ),
    );
  });
});
