import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type PgBoss from 'pg-boss';
import { MailOutboxRepository, type OutboxDelivery } from '@laurel/api-database';
import { JobQueue } from './job-queue';
import type { MailJob } from './mail-outbox';
import { JOB_QUEUES, MAIL_QUEUE } from './queues';
import { MailTransport } from './mail-transport';

/**
 * How many messages one process takes from the queue at once; they go out together over the
 * pool's 5 connections, and a full batch fetches the next one at once (JobQueue.work).
 */
const BATCH_SIZE = 50;

/**
 * Works the mail queue: each job names an outbox row, sent over SMTP (or captured without
 * SMTP_URL). A failed attempt is recorded on the row and the job is failed for pg-boss to retry
 * with backoff; after the last retry the row is `failed`, where the admin mailbox shows it.
 */
@Injectable()
export class MailDelivery implements OnApplicationBootstrap {
  private readonly logger = new Logger('Mail');

  constructor(
    private readonly queue: JobQueue,
    private readonly outbox: MailOutboxRepository,
    private readonly transport: MailTransport,
  ) {}

  onApplicationBootstrap(): void {
    if (this.transport.captures) {
      this.logger.warn('SMTP_URL is not set: mail is captured, printed here and listed in the admin mailbox, not sent');
    }
    // Boot does not wait for the queue's schema: enqueuing waits for it instead.
    void this.queue
      .start(JOB_QUEUES)
      .then(() =>
        this.queue.work<MailJob>(MAIL_QUEUE, { batchSize: BATCH_SIZE, pollingIntervalSeconds: 1 }, (jobs) => this.deliverAll(jobs)),
      )
      .catch((error: Error) => this.logger.error(`Mail delivery could not start: ${error.message}`));
  }

  /**
   * One batch: the messages claimed in one statement, sent side by side over the transport's
   * pool, and those that went marked in one statement. A message whose send fails is failed on
   * its own (recorded on its row, its job failed for pg-boss to retry with backoff); a batch that
   * cannot be claimed or marked fails every job it holds, and a retry of a message already marked
   * finds it no longer waiting. Jobs whose message is no longer waiting (sent or captured by an
   * earlier attempt, failed for good, or gone) complete without a send.
   */
  private async deliverAll(jobs: PgBoss.JobWithMetadata<MailJob>[]): Promise<void> {
    const jobOf = new Map(jobs.map((job) => [job.data.outboxId, job]));
    let claimed: { message: OutboxDelivery; job: PgBoss.JobWithMetadata<MailJob> }[];
    try {
      const messages = await this.outbox.claim([...jobOf.keys()]);
      claimed = messages.flatMap((message) => {
        const job = jobOf.get(message.id);
        return job ? [{ message, job }] : [];
      });
    } catch (error) {
      await Promise.all(jobs.map((job) => this.failed(job, null, error)));
      return;
    }
    let delivered = claimed;
    if (this.transport.captures) {
      for (const { message } of claimed) this.capture(message);
    } else {
      const outcomes = await Promise.all(
        claimed.map(async ({ message, job }) => {
          try {
            await this.transport.send({ id: message.id, to: message.to, subject: message.subject, text: message.text, html: message.html });
            return true;
          } catch (error) {
            await this.failed(job, message, error);
            return false;
          }
        }),
      );
      delivered = claimed.filter((_, i) => outcomes[i]);
    }
    const ids = delivered.map(({ message }) => message.id);
    try {
      await (this.transport.captures ? this.outbox.markCaptured(ids) : this.outbox.markSent(ids));
    } catch (error) {
      await Promise.all(delivered.map(({ message, job }) => this.failed(job, message, error)));
    }
  }

  private async failed(job: PgBoss.JobWithMetadata<MailJob>, message: OutboxDelivery | null, error: unknown): Promise<void> {
    const final = job.retryCount >= job.retryLimit;
    const reason = (error as Error).message ?? String(error);
    if (message) await this.outbox.markAttemptFailed(message.id, reason, final).catch(() => undefined);
    this.logger.warn(
      `Mail ${job.data.outboxId} attempt ${job.retryCount + 1} of ${job.retryLimit + 1} failed${final ? ' (giving up: marked failed)' : ''}: ${reason}`,
    );
    await this.queue.fail(MAIL_QUEUE, job.id, error as Error).catch(() => undefined);
  }

  private capture(message: OutboxDelivery): void {
    const open = message.actionUrl ? ` Open: ${message.actionUrl}` : '';
    this.logger.log(`Mail captured (no SMTP_URL) to ${message.to} [${message.template}] "${message.subject}".${open}`);
  }
}
