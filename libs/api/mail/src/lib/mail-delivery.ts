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
      .then(() => this.queue.work<MailJob>(MAIL_QUEUE, { batchSize: BATCH_SIZE, pollingIntervalSeconds: 1 }, (jobs) => this.deliverAll(jobs)))
      .catch((error: Error) => this.logger.error(`Mail delivery could not start: ${error.message}`));
  }

  private async deliverAll(jobs: PgBoss.JobWithMetadata<MailJob>[]): Promise<void> {
    await Promise.all(jobs.map((job) => this.deliverOne(job)));
  }

  private async deliverOne(job: PgBoss.JobWithMetadata<MailJob>): Promise<void> {
    let message: OutboxDelivery | null = null;
    try {
      message = await this.outbox.claim(job.data.outboxId);
      // Already sent or captured (a job retried after its process died mid-way), or failed for good.
      if (!message) return;
      if (this.transport.captures) {
        this.capture(message);
        await this.outbox.markCaptured(message.id);
        return;
      }
      await this.transport.send({ id: message.id, to: message.to, subject: message.subject, text: message.text, html: message.html });
      await this.outbox.markSent(message.id);
    } catch (error) {
      const final = job.retryCount >= job.retryLimit;
      const reason = (error as Error).message ?? String(error);
      if (message) await this.outbox.markAttemptFailed(message.id, reason, final).catch(() => undefined);
      this.logger.warn(
        `Mail ${job.data.outboxId} attempt ${job.retryCount + 1} of ${job.retryLimit + 1} failed${final ? ' (giving up: marked failed)' : ''}: ${reason}`,
      );
      await this.queue.fail(MAIL_QUEUE, job.id, error as Error).catch(() => undefined);
    }
  }

  private capture(message: OutboxDelivery): void {
    const open = message.actionUrl ? ` Open: ${message.actionUrl}` : '';
    this.logger.log(`Mail captured (no SMTP_URL) to ${message.to} [${message.template}] "${message.subject}".${open}`);
  }
}
