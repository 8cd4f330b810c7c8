import type { QueueSpec } from './job-queue';

/** One job per outbox message. */
export const MAIL_QUEUE = 'mail-send';
/**
 * One delayed job per round with a deadline: at most one waits per round (`short` policy on the
 * round id as singletonKey), so two instances scheduling at once cannot plan two reminders.
 */
export const REMINDER_QUEUE = 'round-reminder';

/** Every queue of Laurel's job queue; each process creates them all, whoever starts first. */
export const JOB_QUEUES: readonly QueueSpec[] = [{ name: MAIL_QUEUE }, { name: REMINDER_QUEUE, policy: 'short' }];
