import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, assertStrongPassword, type AuthUser, hashPassword, verifyPassword } from '@laurel/api-core';
import { AccountTokensRepository, AuditRepository, type UserEntity, UsersRepository } from '@laurel/api-database';
import { MailOutbox } from '@laurel/api-mail';
import type { AccessTokenResponse, AuthResponse, NeutralAnswer } from '@laurel/contracts';
import type { PasswordChangeDto, PasswordResetConfirmDto } from './auth.dto';
import { AuthService } from './auth.service';
import { hashLinkToken, mailAccountLink } from './account-tokens';
import { SessionCheck } from './session-check';

const RESET_TTL_MS = 60 * 60 * 1000;

export const RESET_REQUESTED: NeutralAnswer = {
  message:
    'If an account uses this address, a link to choose a new password is on its way. Check the mailbox (and its spam folder); the link works once within 1 hour.',
};

/** The account's own password and sessions: reset by mail, change, sign out everywhere. */
@Injectable()
export class AccountService {
  private readonly logger = new Logger(AccountService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: AccountTokensRepository,
    private readonly audit: AuditRepository,
    private readonly mail: MailOutbox,
    private readonly auth: AuthService,
    private readonly sessions: SessionCheck,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The same answer whether or not the address has an account: nobody learns who is registered. */
  async requestPasswordReset(email: string): Promise<NeutralAnswer> {
    const user = await this.users.findByEmail(email);
    if (user && !user.disabledAt) {
      await this.dataSource.transaction(async (manager) => {
        await mailAccountLink({ tokens: this.tokens, mail: this.mail }, manager, user, { purpose: 'password_reset', ttlMs: RESET_TTL_MS });
        await this.audit.record(manager, {
          actorId: null,
          action: 'auth.password_reset_requested',
          subjectType: 'user',
          subjectId: user.id,
        });
      });
      this.logger.log({ userId: user.id }, 'Password reset mailed');
    }
    return RESET_REQUESTED;
  }

  /** Opening the mailed link proves the mailbox: the new password is set and older sessions end. */
  async confirmPasswordReset(dto: PasswordResetConfirmDto): Promise<AuthResponse> {
    const user = await this.dataSource.transaction(async (manager) => {
      const token = await this.tokens.lock(manager, hashLinkToken(dto.token), 'password_reset');
      if (!token) throw linkRefused('unknown');
      if (token.usedAt) throw linkRefused('used');
      if (token.expiresAt.getTime() <= Date.now()) throw linkRefused('expired');
      const account = await this.users.findById(token.userId);
      if (!account || account.disabledAt) throw linkRefused('unknown');
      assertStrongPassword(dto.password, account.email);
      const updated = await this.users.setPasswordFromMailbox(manager, account.id, await hashPassword(dto.password));
      await this.tokens.markUsed(manager, token.id);
      await this.audit.record(manager, { actorId: account.id, action: 'auth.password_reset', subjectType: 'user', subjectId: account.id });
      return updated;
    });
    this.sessions.forget(user.id);
    return this.auth.issue(user);
  }

  async changePassword(actor: AuthUser, dto: PasswordChangeDto): Promise<AccessTokenResponse> {
    const account = await this.users.findById(actor.id);
    if (!account) throw AppError.unauthorized('auth.account_gone', 'This account no longer exists. Sign in again.');
    if (!account.passwordHash || !(await verifyPassword(account.passwordHash, dto.currentPassword))) {
      throw AppError.badRequest(
        'auth.wrong_password',
        'The current password is wrong. Type it again, or sign out and use "Forgot password".',
        [{ field: 'currentPassword', code: 'password.not_current', message: 'is not the current password' }],
      );
    }
    assertStrongPassword(dto.newPassword, account.email, 'newPassword');
    const updated = await this.dataSource.transaction(async (manager) => {
      const changed = await this.users.changePassword(manager, account.id, await hashPassword(dto.newPassword));
      await this.audit.record(manager, {
        actorId: account.id,
        action: 'auth.password_changed',
        subjectType: 'user',
        subjectId: account.id,
      });
      return changed;
    });
    this.sessions.forget(updated.id);
    return { accessToken: this.auth.accessToken(updated) };
  }

  /** Every token issued so far stops working, this one included. */
  async signOutEverywhere(actor: AuthUser): Promise<void> {
    const updated: UserEntity = await this.dataSource.transaction(async (manager) => {
      const bumped = await this.users.bumpSessionVersion(manager, actor.id);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'auth.signed_out_everywhere',
        subjectType: 'user',
        subjectId: actor.id,
      });
      return bumped;
    });
    this.sessions.forget(updated.id);
  }
}

function linkRefused(problem: 'unknown' | 'used' | 'expired'): AppError {
  const ask = 'Ask for a new link on the "Forgot password" page.';
  switch (problem) {
    case 'used':
      return new AppError(HttpStatus.GONE, 'auth.reset_used', `This link has already been used. ${ask}`);
    case 'expired':
      return new AppError(HttpStatus.GONE, 'auth.reset_expired', `This link has expired (links work for 1 hour). ${ask}`);
    default:
      return AppError.badRequest('auth.reset_invalid', `This link is not valid; a newer one may have replaced it. ${ask}`);
  }
}
