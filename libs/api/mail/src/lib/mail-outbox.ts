import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { laurelConfig, type LaurelConfig } from '@laurel/api-core';
import { MailOutboxRepository } from '@laurel/api-database';
import { JobQueue } from './job-queue';
import { MAIL_QUEUE } from './queues';
import type { MailMessage } from './templates/mail-templates';
import { renderMail } from './templates/render';

export { MAIL_QUEUE } from './queues';

export interface MailJob {
  outboxId: string;
}

/**
 * Writes a message to the outbox and its delivery job to the queue, both in the caller's
 * transaction: if the change rolls back, no mail leaves; if it commits, the mail will.
 */
@Injectable()
export class MailOutbox {
  constructor(
    private readonly outbox: MailOutboxRepository,
    private readonly queue: JobQueue,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(laurelConfig.KEY) private readonly config: LaurelConfig,
  ) {}

  /** Returns the outbox id (for a row that wants to show its mail's state, e.g. an invitation). */
  async enqueue(manager: EntityManager, message: MailMessage): Promise<string> {
    if (!manager.queryRunner?.isTransactionActive) {
      return this.dataSource.transaction((tx) => this.enqueue(tx, message));
    }
    const rendered = renderMail(message, this.config.mail.publicUrl);
    const id = await this.outbox.insert(manager, {
      to: message.to,
      userId: message.userId ?? null,
      contestId: message.contestId ?? null,
      template: message.template,
      language: message.language,
      ...rendered,
    });
    await this.deliver(manager, id);
    return id;
  }

  /**
   * Many messages at once (results to every applicant): one statement for the outbox rows and one
   * for their jobs, in the caller's transaction. Returns the outbox ids in the order given.
   */
  async enqueueMany(manager: EntityManager, messages: readonly MailMessage[]): Promise<string[]> {
    if (!manager.queryRunner?.isTransactionActive) {
      return this.dataSource.transaction((tx) => this.enqueueMany(tx, messages));
    }
    const ids = await this.outbox.insertMany(
      manager,
      messages.map((message) => ({
        to: message.to,
        userId: message.userId ?? null,
        contestId: message.contestId ?? null,
        template: message.template,
        language: message.language,
        ...renderMail(message, this.config.mail.publicUrl),
      })),
    );
    const { retryLimit, retryDelaySeconds } = this.config.mail;
    // Bounded statements: a contest with tens of thousands of applicants still sends a few.
    for (let i = 0; i < ids.length; i += 1000) {
      await this.queue.insert(
        manager,
        ids.slice(i, i + 1000).map((outboxId) => ({
          name: MAIL_QUEUE,
          data: { outboxId },
          retryLimit,
          retryDelay: retryDelaySeconds,
          retryBackoff: true,
          expireInSeconds: 120,
        })),
      );
    }
    return ids;
  }

  /**
   * Sends a message that failed for good once more (the admin's "retry"), with a fresh set of
   * attempts; false when it had not failed. The row and its new job commit together.
   */
  async retry(manager: EntityManager, id: string): Promise<boolean> {
    if (!(await this.outbox.requeue(manager, id))) return false;
    await this.deliver(manager, id);
    return true;
  }

  private async deliver(manager: EntityManager, outboxId: string): Promise<void> {
    const { retryLimit, retryDelaySeconds } = this.config.mail;
    await this.queue.send<MailJob>(
      manager,
      MAIL_QUEUE,
      { outboxId },
      {
        retryLimit,
        retryDelay: retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: 120,
      },
    );
  }
}
