/**
 * @laurel/api-mail: every mail Laurel sends goes through the transactional outbox here.
 *
 * How to send one (from any API area; MailModule is global, so just inject MailOutbox):
 *
 *   constructor(private readonly mail: MailOutbox, @InjectDataSource() private readonly dataSource: DataSource) {}
 *
 *   await this.dataSource.transaction(async (manager) => {
 *     // … the change itself, with `manager` …
 *     await this.audit.record(manager, { … });
 *     await this.mail.enqueue(manager, {
 *       to: user.email,
 *       language: user.language,            // 'vi' | 'en': the recipient's, never the caller's
 *       template: 'vote_confirmation',       // MailTemplate: the params below are type-checked against it
 *       params: { contestName, entryTitle, token },
 *       userId: user.id,                     // optional: shown in the admin mailbox
 *       contestId,                           // optional
 *     });
 *   });
 *
 * - Enqueue with the SAME manager as the change: the outbox row and its delivery job commit or roll
 *   back with it. (Given a manager outside a transaction, enqueue opens one of its own.)
 * - Give plain data; never build a URL: each template builds its link on PUBLIC_URL. Tokens are the
 *   raw secret (store only a hash yourself); the link carries it in the fragment (#token=…).
 * - The templates and their params are in lib/templates/mail-templates.ts (types) and catalog.ts
 *   (Vietnamese and English text, and the console path each link opens). A new kind of mail is a
 *   new key in MailTemplateParams plus its two writers in CATALOG; the compiler lists what is missing.
 * - Delivery is asynchronous (pg-boss queue `mail-send`, retries with backoff, `failed` after the
 *   last try). Without SMTP_URL (development) messages are `captured`: logged with their link on
 *   one line and kept for the admin mailbox. Tests read real mail from an `smtp-server` in the test
 *   process (apps/api-e2e/src/support/smtp-sink.ts).
 * - Delayed or scheduled work (reminders) uses JobQueue.send(manager, queue, data, {startAfter, singletonKey}).
 */
export * from './lib/mail.module';
export * from './lib/mail-outbox';
export * from './lib/job-queue';
export * from './lib/queues';
export { RoundReminders } from './lib/round-reminders';
export * from './lib/templates/mail-templates';
export { renderTemplate } from './lib/templates/render';
