import { type DynamicModule, Global, Module } from '@nestjs/common';
import { JOB_QUEUE_OPTIONS, JobQueue, type JobQueueOptions } from './job-queue';
import { MailDelivery } from './mail-delivery';
import { MailOutbox } from './mail-outbox';
import { MailTransport } from './mail-transport';
import { RoundReminders } from './round-reminders';

/** Outbox, queue and delivery. Global: any area can inject MailOutbox (and JobQueue). */
@Global()
@Module({})
export class MailModule {
  /** `work: false` (the CLI) only enqueues; API processes deliver. */
  static forRoot(options: JobQueueOptions = { work: true }): DynamicModule {
    return {
      module: MailModule,
      providers: [{ provide: JOB_QUEUE_OPTIONS, useValue: options }, JobQueue, MailOutbox, MailTransport, MailDelivery, RoundReminders],
      exports: [MailOutbox, JobQueue, RoundReminders],
    };
  }
}
