import {
  caretAfterDigits,
  formatBytes,
  formatGroupedInteger,
  formatMoney,
  formatRelative,
  formatScore,
  formatSigned,
  readGroupedInteger,
} from './format';

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

describe('scores', () => {
  it('always shows two decimals, the language’s way', () => {
    expect(formatScore(7.25, 'vi-VN')).toBe('7,25');
    expect(formatScore(7.25, 'en-GB')).toBe('7.25');
    expect(formatScore(8, 'en-GB')).toBe('8.00');
    // 82.125 rounds half away from zero at two decimals: 82.13 (Intl's rounding, as the jury reads it).
    expect(formatScore(82.125, 'en-GB')).toBe('82.13');
  });

  it('shows a dash for a score nobody gave (and never "NaN")', () => {
    expect(formatScore(null, 'en-GB')).toBe('—');
    expect(formatScore(undefined, 'vi-VN')).toBe('—');
    expect(formatScore(Number.NaN, 'en-GB')).toBe('—');
  });

  it('takes other decimals when asked', () => {
    expect(formatScore(7.25, 'en-GB', 1)).toBe('7.3');
    expect(formatScore(1234.5, 'vi-VN', 0)).toBe('1.235');
  });

  it('signs a difference, and not a zero', () => {
    expect(formatSigned(3.2, 'en-GB')).toBe('+3.20');
    expect(formatSigned(-1.05, 'vi-VN')).toBe('-1,05');
    expect(formatSigned(0, 'en-GB')).toBe('0.00');
  });
});

describe('file sizes', () => {
  it('counts in binary multiples with one decimal above bytes', () => {
    expect(formatBytes(44, 'en-GB')).toBe('44 byte');
    // 12,595 B / 1024 = 12.2998… kB → "12.3 kB"
    expect(formatBytes(12_595, 'en-GB')).toBe('12.3 kB');
    expect(formatBytes(20 * 1024 * 1024, 'en-GB')).toBe('20 MB');
    expect(formatBytes(1_258_291, 'vi-VN')).toBe('1,2 MB');
  });
});

describe('money', () => {
  it('writes dong without decimals and other currencies with two', () => {
    expect(formatMoney(50_000_000, 'VND', 'vi-VN')).toBe('50.000.000\u00a0₫'); // a no-break space before the sign
    expect(formatMoney(1500, 'USD', 'en-GB')).toBe('US$1,500.00');
    expect(formatMoney(null, 'VND', 'vi-VN')).toBeNull();
  });
});
