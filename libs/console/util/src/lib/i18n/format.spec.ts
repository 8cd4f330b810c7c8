import { formatRelative } from './format';

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
