import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '@laurel/api-core';
import { AuditRepository, InvitationsRepository, UsersRepository } from '@laurel/api-database';
import { MailOutbox } from '@laurel/api-mail';
import type { AccountInvitationRequest, AccountInvitationResponse } from '@laurel/contracts';
import { hashLinkToken, newLinkToken } from './account-tokens';

const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/** Who invites: an administrator, or the operator at the command line (the first administrator). */
export type Inviter = { id: string; displayName: string } | null;

/**
 * An organizer or administrator is invited by mail only: the link proves the mailbox, and
 * accepting it (InvitationsService) grants the role. Nobody is given an account they never opened.
 */
@Injectable()
export class AccountInvitations {
  private readonly logger = new Logger(AccountInvitations.name);

  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditRepository,
    private readonly mail: MailOutbox,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Mails the invitation; the answer carries no token and nothing about an existing account. */
  async invite(inviter: Inviter, request: AccountInvitationRequest): Promise<AccountInvitationResponse> {
    const { invitationId } = await this.dataSource.transaction((manager) => this.write(manager, inviter, request));
    return { invitationId, status: 'pending' };
  }

  /**
   * The same, for the command line: the link comes back too, to print where mail is only captured
   * (development without SMTP_URL). Never exposed over HTTP.
   */
  async inviteFromCommandLine(request: AccountInvitationRequest): Promise<{ invitationId: string; token: string }> {
    return this.dataSource.transaction((manager) => this.write(manager, null, request));
  }

  private async write(
    manager: EntityManager,
    inviter: Inviter,
    request: AccountInvitationRequest,
  ): Promise<{ invitationId: string; token: string }> {
    const account = await this.users.findByEmail(request.email);
    if (account && account.roles.includes(request.role) && account.emailVerifiedAt !== null) {
      // Nothing to accept: saying so tells the administrator only what the users page shows anyway.
      throw AppError.conflict(
        'invitation.has_role',
        `${request.email} is already ${request.role === 'admin' ? 'an administrator' : 'an organizer'}.`,
        { email: request.email },
      );
    }
    const language = account?.language ?? request.language ?? 'vi';
    const token = newLinkToken();
    const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
    const invitationId = await this.invitations.upsertPending(manager, {
      kind: request.role,
      contestId: null,
      email: request.email,
      displayName: request.displayName,
      organization: null,
      expertise: null,
      language,
      tokenHash: hashLinkToken(token),
      expiresAt,
      invitedBy: inviter?.id ?? null,
    });
    const mailId = await this.mail.enqueue(manager, {
      to: request.email,
      language,
      template: 'account_invitation',
      params: {
        displayName: request.displayName,
        role: request.role,
        invitedBy: inviter?.displayName ?? null,
        token,
        expiresAt: expiresAt.toISOString(),
      },
    });
    await this.invitations.setMail(manager, invitationId, mailId);
    await this.audit.record(manager, {
      actorId: inviter?.id ?? null,
      action: 'admin.account_invited',
      subjectType: 'invitation',
      subjectId: invitationId,
      payload: { role: request.role, by: inviter ? 'admin' : 'command_line' },
    });
    this.logger.log({ invitationId, role: request.role, invitedBy: inviter?.id ?? 'command line' }, 'Account invitation mailed');
    return { invitationId, token };
  }
}
