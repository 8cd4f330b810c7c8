/** Hours before the deadline a round reminds its judges unless the organizer says otherwise. */
export const DEFAULT_REMINDER_HOURS_BEFORE = 24;

export interface ReminderRound {
  status: 'draft' | 'open' | 'closed';
  scoresDueAt: Date | null;
  reminderHoursBefore: number;
}

/**
 * When the judges still owing sheets are reminded: `reminderHoursBefore` ahead of `scoresDueAt`.
 * Only an open round with a deadline still ahead reminds. A reminder whose time has already passed
 * (the deadline was set, or the round opened, less than that many hours before it) goes at once:
 * a late reminder is worth more than none. 0 hours reminds at the deadline itself, which is still
 * "ahead" until it passes. Null: no reminder.
 */
export function reminderTime(round: ReminderRound, now: Date): Date | null {
  if (round.status !== 'open' || !round.scoresDueAt) return null;
  const due = round.scoresDueAt.getTime();
  if (due <= now.getTime()) return null;
  const at = due - round.reminderHoursBefore * 3_600_000;
  return new Date(Math.max(at, now.getTime()));
}
