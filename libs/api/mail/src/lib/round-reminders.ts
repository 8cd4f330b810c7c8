import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type PgBoss from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';
import { MailRecipientsRepository } from '@laurel/api-database';
import { reminderTime } from '@laurel/domain';
import { JobQueue } from './job-queue';
import { MailOutbox } from './mail-outbox';
import { JOB_QUEUES, REMINDER_QUEUE } from './queues';

export interface ReminderJob {
  roundId: string;
  /** The deadline the reminder was planned for (ISO-8601). */
  dueAt: string;
}

/**
 * The judging reminder of each round: one delayed job of the job queue, planned
 * `reminderHoursBefore` ahead of `scoresDueAt`, re-planned in the transaction of every change of
 * either and cancelled when the round closes. The round row keeps the id of the job that will
 * send it; the job sends only while it is still that id, and clears it in the transaction that
 * writes the mails, so a retried job, an old job, or a second instance never sends it twice.
 */
@Injectable()
export class RoundReminders implements OnApplicationBootstrap {
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly queue: JobQueue,
    private readonly recipients: MailRecipientsRepository,
    private readonly mail: MailOutbox,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    void this.queue
      .start(JOB_QUEUES)
      .then(() => this.queue.work<ReminderJob>(REMINDER_QUEUE, { batchSize: 5, pollingIntervalSeconds: 1 }, (jobs) => this.runAll(jobs)))
      .catch((error: Error) => this.logger.error(`Reminders could not start: ${error.message}`));
  }

  /**
   * Plans the round's reminder anew (call it in the transaction that changed the deadline, the
   * lead time or the round's status). Answers when it will go, or null when none is planned.
   */
  async reschedule(manager: EntityManager, roundId: string, now = new Date()): Promise<Date | null> {
    const round = await this.recipients.round(manager, roundId, true);
    if (!round) return null;
    if (round.reminderJobId) await this.queue.cancel(manager, REMINDER_QUEUE, round.reminderJobId);
    const at = reminderTime(round, now);
    const jobId =
      at && round.scoresDueAt
        ? await this.queue.send<ReminderJob>(
            manager,
            REMINDER_QUEUE,
            { roundId, dueAt: round.scoresDueAt.toISOString() },
            { startAfter: at, singletonKey: roundId, retryLimit: 10, retryDelay: 30, retryBackoff: true, expireInSeconds: 300 },
          )
        : null;
    await this.recipients.setReminderJob(manager, roundId, jobId);
    return jobId ? at : null;
  }

  private async runAll(jobs: PgBoss.JobWithMetadata<ReminderJob>[]): Promise<void> {
    for (const job of jobs) {
      try {
        await this.remind(job.id, job.data.roundId);
      } catch (error) {
        this.logger.warn(`Reminder of round ${job.data.roundId} failed (pg-boss retries it): ${(error as Error).message}`);
        await this.queue.fail(REMINDER_QUEUE, job.id, error as Error).catch(() => undefined);
      }
    }
  }

  /** Mails every judge of the round who still owes a sheet, once. */
  private remind(jobId: string, roundId: string): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      await this.recipients.lockContestOfRound(manager, roundId);
      const round = await this.recipients.round(manager, roundId, true);
      // Not this job's any more: the deadline moved, the round closed, or the reminder already went.
      if (!round || round.status !== 'open' || round.reminderJobId !== jobId || !round.scoresDueAt) return;
      let sent = 0;
      for (const judge of await this.recipients.roundJudges(manager, roundId)) {
        if (judge.unsubmitted === 0) continue;
        await this.mail.enqueue(manager, {
          to: judge.email,
          language: judge.language,
          template: 'judging_reminder',
          params: {
            displayName: judge.displayName,
            contestName: round.contestName,
            roundName: round.roundName,
            unsubmitted: judge.unsubmitted,
            scoresDueAt: round.scoresDueAt.toISOString(),
            timeZone: round.timeZone,
          },
          userId: judge.judgeId,
          contestId: round.contestId,
        });
        sent++;
      }
      await this.recipients.setReminderJob(manager, roundId, null);
      this.logger.log(`Round ${roundId}: reminded ${sent} judge(s) with unsubmitted sheets`);
    });
  }
}
