import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, assertStrongPassword, type AuthUser, hashPassword } from '@laurel/api-core';
import {
  AuditRepository,
  ConflictsRepository,
  InvitationsRepository,
  type InvitationRow,
  type UserEntity,
  UsersRepository,
} from '@laurel/api-database';
import type { AuthResponse, InvitationPreview } from '@laurel/contracts';
import { hashLinkToken } from './account-tokens';
import { AuthService } from './auth.service';
import type { AcceptInvitationDto } from './invitations.dto';
import { SessionCheck } from './session-check';

/**
 * Accepting an invitation proves the mailbox it was sent to. Without an account the acceptance
 * sets the password; an account never verified is taken over by the mailbox holder (new
 * password, older sessions ended); a verified account must be signed in as the invited address.
 * Only then does anyone join a panel or gain a role.
 */
@Injectable()
export class InvitationsService {
  private readonly logger = new Logger(InvitationsService.name);

  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditRepository,
    private readonly conflicts: ConflictsRepository,
    private readonly auth: AuthService,
    private readonly sessions: SessionCheck,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async preview(token: string): Promise<InvitationPreview> {
    const invitation = token.length >= 16 && token.length <= 200 ? await this.invitations.findByTokenHash(hashLinkToken(token)) : null;
    usable(invitation);
    const account = await this.users.findByEmail(invitation.email);
    return {
      kind: invitation.kind,
      contestName: invitation.contestName,
      displayName: invitation.displayName,
      email: invitation.email,
      accountExists: !!account && account.emailVerifiedAt !== null,
      expiresAt: new Date(invitation.expiresAt).toISOString(),
    };
  }

  async accept(actor: AuthUser | undefined, dto: AcceptInvitationDto): Promise<AuthResponse> {
    const user = await this.dataSource.transaction(async (manager) => {
      const invitation = await this.invitations.lockByTokenHash(manager, hashLinkToken(dto.token));
      usable(invitation);
      const existing = await this.users.lockByEmail(manager, invitation.email);
      let account: UserEntity;
      let how: 'new_account' | 'took_over_unverified' | 'signed_in';
      if (existing && existing.emailVerifiedAt !== null) {
        if (!actor) {
          throw AppError.unauthorized(
            'invitation.sign_in',
            `An account already uses ${invitation.email}. Sign in as ${invitation.email}, then accept the invitation.`,
            { email: invitation.email },
          );
        }
        if (actor.id !== existing.id) {
          throw AppError.forbidden(
            'invitation.other_account',
            `This invitation is for ${invitation.email}, and you are signed in as ${actor.email}. Sign out, sign in as ${invitation.email}, then open the link again.`,
            { invited: invitation.email, signedIn: actor.email },
          );
        }
        account = existing;
        how = 'signed_in';
      } else {
        const password = requirePassword(dto.password, invitation.email);
        const passwordHash = await hashPassword(password);
        if (existing) {
          // Someone signed up with this address but never proved it: the mailbox holder takes it over.
          account = await this.users.setPasswordFromMailbox(manager, existing.id, passwordHash);
          how = 'took_over_unverified';
        } else {
          const created = await this.users.insertVerified(manager, {
            email: invitation.email,
            passwordHash,
            displayName: invitation.displayName,
            roles: [invitation.kind],
            language: invitation.language,
            organization: invitation.organization,
          });
          if (!created)
            throw AppError.conflict('invitation.retry', 'An account was created for this address at the same moment. Open the link again.');
          account = created;
          how = 'new_account';
        }
      }
      if (account.disabledAt)
        throw AppError.forbidden('auth.account_disabled', 'This account is disabled. Ask an administrator of Laurel to enable it again.');
      account = await this.users.grantRole(manager, account.id, invitation.kind);
      if (invitation.kind === 'judge') {
        await this.invitations.joinPanel(manager, invitation, account.id);
        // A judge (back) on a panel, with the organization the organizer gave: detection where the facts change.
        await this.conflicts.recordDetected(manager, { judgeIds: [account.id], contestId: invitation.contestId ?? undefined }, account.id);
      }
      await this.invitations.markAccepted(manager, invitation.id, account.id);
      await this.audit.record(manager, {
        contestId: invitation.contestId,
        actorId: account.id,
        action: 'invitation.accepted',
        subjectType: 'invitation',
        subjectId: invitation.id,
        payload: { kind: invitation.kind, how },
      });
      this.logger.log({ userId: account.id, invitationId: invitation.id, how }, 'Invitation accepted');
      return account;
    });
    this.sessions.forget(user.id);
    return this.auth.issue(user);
  }
}

function usable(invitation: InvitationRow | null): asserts invitation is InvitationRow {
  const ask = 'Ask whoever invited you to send the invitation again.';
  if (!invitation || invitation.status === 'revoked') {
    throw AppError.badRequest('invitation.invalid', `This invitation link is not valid; a newer one may have replaced it. ${ask}`);
  }
  if (invitation.status === 'accepted') {
    throw new AppError(
      HttpStatus.GONE,
      'invitation.used',
      'This invitation has already been accepted. Sign in with your e-mail and password.',
    );
  }
  if (new Date(invitation.expiresAt).getTime() <= Date.now()) {
    throw new AppError(HttpStatus.GONE, 'invitation.expired', `This invitation link has expired (links are valid for 14 days). ${ask}`);
  }
}

function requirePassword(password: string | undefined, email: string): string {
  if (!password) {
    throw AppError.badRequest('invitation.password_required', 'Choose a password for your new account.', [
      { field: 'password', code: 'required', message: 'is required to create the account' },
    ]);
  }
  assertStrongPassword(password, email);
  return password;
}
