import { caretAfterDigits, formatGroupedInteger, formatRelative, readGroupedInteger } from './format';

describe('formatRelative', () => {
  const now = new Date('2026-03-01T00:00:00Z');
  const after = (ms: number) => new Date(now.getTime() + ms);
  const HOUR = 3_600_000;

  it('counts days from one day on', () => {
    expect(formatRelative(after(30 * 24 * HOUR), now, 'en-GB')).toBe('in 30 days');
    expect(formatRelative(after(-2 * 24 * HOUR), now, 'en-GB')).toBe('2 days ago');
  });

  it('counts hours under a day, rounding to the nearest (90 minutes is 2 hours)', () => {
    expect(formatRelative(after(1.5 * HOUR), now, 'en-GB')).toBe('in 2 hours');
  });

  it('counts minutes under an hour', () => {
    expect(formatRelative(after(25 * 60_000), now, 'en-GB')).toBe('in 25 minutes');
  });

  it('writes Vietnamese', () => {
    expect(formatRelative(after(30 * 24 * HOUR), now, 'vi-VN')).toBe('sau 30 ngày nữa');
  });
});

describe('grouped amounts as they are typed', () => {
  it('groups in each language’s way', () => {
    expect(formatGroupedInteger(50_000_000, 'vi-VN')).toBe('50.000.000');
    expect(formatGroupedInteger(50_000_000, 'en-GB')).toBe('50,000,000');
    expect(formatGroupedInteger(null, 'vi-VN')).toBe('');
  });

  it('reads the digits whatever the separators', () => {
    expect(readGroupedInteger('50.000.000')).toBe(50_000_000);
    expect(readGroupedInteger('50,000,000')).toBe(50_000_000);
    expect(readGroupedInteger(' 50 000 000 ₫')).toBe(50_000_000);
    expect(readGroupedInteger('')).toBeNull();
    expect(readGroupedInteger('.')).toBeNull();
  });

  it('keeps the caret after the same digits once the separators move', () => {
    // "5000|0" (caret after 4 digits) becomes "50.00|0": 4 digits before it, one dot among them.
    expect(caretAfterDigits('50000', 4, '50.000')).toBe(5);
    // Typing the 7th digit at the end: "500.0001|" → "5.000.001|".
    expect(caretAfterDigits('500.0001', 8, '5.000.001')).toBe(9);
    expect(caretAfterDigits('123', 0, '123')).toBe(0);
  });
});
