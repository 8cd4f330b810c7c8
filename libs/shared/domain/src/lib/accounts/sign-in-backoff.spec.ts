import fc from 'fast-check';
import { MAX_LOCK_SECONDS, signInLockSeconds } from './sign-in-backoff';

describe(signInLockSeconds.name, () => {
  it('costs nothing for four failures, then waits 30 s and doubles up to 15 minutes', () => {
    // 5th: 30 · 2^0 = 30; 6th: 60; 7th: 120; 8th: 240; 9th: 480; 10th: 960 → capped at 900.
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 50].map(signInLockSeconds)).toEqual([0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900]);
  });

  it('never waits less after more failures, and never more than 15 minutes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (failures) => {
        const wait = signInLockSeconds(failures);
        expect(wait).toBeGreaterThanOrEqual(0);
        expect(wait).toBeLessThanOrEqual(MAX_LOCK_SECONDS);
        expect(signInLockSeconds(failures + 1)).toBeGreaterThanOrEqual(wait);
      }),
    );
  });
});
