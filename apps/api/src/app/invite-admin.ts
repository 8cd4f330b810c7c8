import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { laurelConfig, type LaurelConfig, LaurelConfigModule } from '@laurel/api-core';
import { AccountInvitations } from '@laurel/api-auth';
import { DatabaseModule } from '@laurel/api-database';
import { MailModule } from '@laurel/api-mail';

/** What the command line needs to invite: configuration, the database, and the outbox (enqueue only: API processes deliver). */
@Module({
  imports: [LaurelConfigModule, DatabaseModule, MailModule.forRoot({ work: false })],
  providers: [AccountInvitations],
})
class InviteAdminModule {}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/**
 * `cli.js invite-admin EMAIL`: how a new deployment gets its first administrator. The invitation
 * is mailed like any other (the link proves the mailbox); where mail is only captured
 * (development without SMTP_URL) the link is printed too, since nobody would receive it.
 */
export async function inviteAdmin(email: string | undefined, displayName: string | undefined): Promise<void> {
  if (!email || !EMAIL.test(email) || email.length > 254) {
    throw new Error(
      `invite-admin needs the address to invite, such as: node dist/apps/api/cli.js invite-admin it@techfest.vn${email ? ` ("${email}" is not an e-mail address)` : ''}`,
    );
  }
  const app = await NestFactory.createApplicationContext(InviteAdminModule, { logger: ['error', 'warn'] });
  try {
    const config = app.get<LaurelConfig>(laurelConfig.KEY);
    const { token } = await app.get(AccountInvitations).inviteFromCommandLine({
      email,
      displayName: displayName?.trim() || (email.split('@')[0] ?? email),
      role: 'admin',
    });
    console.log(`An invitation to become an administrator of Laurel is mailed to ${email}; it works for 14 days.`);
    if (config.mail.smtpUrl === null) {
      console.log(`No SMTP_URL: the mail is only captured. Open: ${config.mail.publicUrl}/invitations/accept#token=${token}`);
    }
  } finally {
    await app.close();
  }
}
