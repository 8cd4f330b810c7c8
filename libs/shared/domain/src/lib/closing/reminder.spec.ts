import fc from 'fast-check';
import { reminderTime } from './reminder';

const now = new Date('2026-12-05T02:00:00Z');

describe(reminderTime.name, () => {
  it('reminds the given hours before the deadline', () => {
    // due 2026-12-07 09:00 UTC, 24 h before → 2026-12-06 09:00 UTC
    expect(reminderTime({ status: 'open', scoresDueAt: new Date('2026-12-07T09:00:00Z'), reminderHoursBefore: 24 }, now)).toEqual(
      new Date('2026-12-06T09:00:00Z'),
    );
    // 36 h before the same deadline → 2026-12-05 21:00 UTC
    expect(reminderTime({ status: 'open', scoresDueAt: new Date('2026-12-07T09:00:00Z'), reminderHoursBefore: 36 }, now)).toEqual(
      new Date('2026-12-05T21:00:00Z'),
    );
  });

  it('reminds at once when the reminder time has already passed but the deadline has not', () => {
    // due in 3 h, 24 h before → 21 h ago → now
    expect(reminderTime({ status: 'open', scoresDueAt: new Date('2026-12-05T05:00:00Z'), reminderHoursBefore: 24 }, now)).toEqual(now);
  });

  it('does not remind a draft or closed round, a round without a deadline, or after the deadline', () => {
    const due = new Date('2026-12-07T09:00:00Z');
    expect(reminderTime({ status: 'draft', scoresDueAt: due, reminderHoursBefore: 24 }, now)).toBeNull();
    expect(reminderTime({ status: 'closed', scoresDueAt: due, reminderHoursBefore: 24 }, now)).toBeNull();
    expect(reminderTime({ status: 'open', scoresDueAt: null, reminderHoursBefore: 24 }, now)).toBeNull();
    expect(reminderTime({ status: 'open', scoresDueAt: now, reminderHoursBefore: 0 }, now)).toBeNull();
  });

  it('is never before now nor after the deadline (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000, max: 100_000 }), fc.integer({ min: 0, max: 720 }), (minutesAhead, hours) => {
        const due = new Date(now.getTime() + minutesAhead * 60_000);
        const at = reminderTime({ status: 'open', scoresDueAt: due, reminderHoursBefore: hours }, now);
        if (minutesAhead <= 0) return expect(at).toBeNull();
        const time = at?.getTime() ?? Number.NaN;
        expect(time).toBeGreaterThanOrEqual(now.getTime());
        expect(time).toBeLessThanOrEqual(due.getTime());
        expect(time).toBe(Math.max(now.getTime(), due.getTime() - hours * 3_600_000));
      }),
    );
  });
});
