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
    await this.queue.send<MailJob>(manager, MAIL_QUEUE, { outboxId }, {
      retryLimit,
      retryDelay: retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: 120,
    });
  }
}
