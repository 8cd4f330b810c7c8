import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, type AuthUser } from '@laurel/api-core';
import { AuditRepository, MailOutboxRepository } from '@laurel/api-database';
import { MailOutbox } from '@laurel/api-mail';

/** The admin's hand on the outbox: a message that failed for good is sent once more. */
@Injectable()
export class MailboxService {
  constructor(
    private readonly outbox: MailOutboxRepository,
    private readonly mail: MailOutbox,
    private readonly audit: AuditRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async retry(actor: AuthUser, id: string): Promise<void> {
    const message = await this.outbox.find(id);
    if (!message) throw mailNotFound();
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.mail.retry(manager, id))) {
        throw AppError.conflict(
          'mail.not_failed',
          `Only a message that failed is sent again; this one is ${message.status}${message.status === 'queued' ? ' and still being tried' : ''}.`,
        );
      }
      await this.audit.record(manager, {
        contestId: message.contestId,
        actorId: actor.id,
        action: 'mail.retried',
        subjectType: 'mail',
        subjectId: id,
        payload: { template: message.template, attempts: message.attempts, lastError: message.lastError },
      });
    });
  }
}

export const mailNotFound = () => AppError.notFound('mail.not_found', 'No message in the outbox has this id. Reload the mailbox.');
