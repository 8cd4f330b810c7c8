import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, assertStrongPassword, type AuthUser, hashPassword } from '@laurel/api-core';
import { AccountTokensRepository, AuditRepository, UsersRepository } from '@laurel/api-database';
import { MailOutbox } from '@laurel/api-mail';
import type { AuthResponse, MailLanguage, NeutralAnswer } from '@laurel/contracts';
import type { RegisterDto } from './auth.dto';
import { AuthService } from './auth.service';
import { hashLinkToken, mailAccountLink } from './account-tokens';

const VERIFY_TTL_MS = 48 * 60 * 60 * 1000;

export const REGISTERED: NeutralAnswer = {
  message:
    'Check your mailbox: we sent a link to confirm the address. Until you open it you can sign in and keep drafts, but not submit. If the address already had an account, the mail says how to sign in.',
};
export const VERIFICATION_RESENT: NeutralAnswer = {
  message: 'A new confirmation link is on its way to your mailbox; the earlier one no longer works.',
};

/**
 * Signing up answers the same for a new and a taken address: a new one gets a link proving the
 * mailbox, a taken one a notice (sign in or reset the password). Nobody learns who is registered.
 */
@Injectable()
export class RegistrationService {
  private readonly logger = new Logger(RegistrationService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: AccountTokensRepository,
    private readonly audit: AuditRepository,
    private readonly mail: MailOutbox,
    private readonly auth: AuthService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async register(dto: RegisterDto): Promise<NeutralAnswer> {
    assertStrongPassword(dto.password, dto.email);
    // Hashed either way, so a taken address answers no faster than a new one.
    const passwordHash = await hashPassword(dto.password);
    const user = await this.users.insertIfNew({
      email: dto.email,
      passwordHash,
      displayName: dto.displayName,
      roles: ['applicant'],
      language: dto.language,
    });
    if (user) {
      await this.dataSource.transaction(async (manager) => {
        await this.mailVerification(manager, user);
        await this.audit.record(manager, { actorId: user.id, action: 'auth.registered', subjectType: 'user', subjectId: user.id });
      });
      this.logger.log({ userId: user.id }, 'Applicant registered; verification mailed');
    } else {
      const existing = await this.users.findByEmail(dto.email);
      if (existing) {
        await this.mail.enqueue(this.dataSource.manager, {
          to: existing.email,
          language: existing.language,
          template: 'address_taken',
          params: { displayName: existing.displayName },
          userId: existing.id,
        });
      }
    }
    return REGISTERED;
  }

  /** Opening the mailed link proves the mailbox; the answer signs the holder in. */
  async verifyEmail(token: string): Promise<AuthResponse> {
    const user = await this.dataSource.transaction(async (manager) => {
      const found = await this.tokens.lock(manager, hashLinkToken(token), 'verify_email');
      const ask = 'Sign in and ask for a new confirmation link.';
      if (!found)
        throw AppError.badRequest('auth.verify_invalid', `This confirmation link is not valid; a newer one may have replaced it. ${ask}`);
      if (found.usedAt)
        throw new AppError(
          HttpStatus.GONE,
          'auth.verify_used',
          'This address is already confirmed. Sign in with your e-mail and password.',
        );
      if (found.expiresAt.getTime() <= Date.now())
        throw new AppError(HttpStatus.GONE, 'auth.verify_expired', `This confirmation link has expired (links work for 48 hours). ${ask}`);
      await this.tokens.markUsed(manager, found.id);
      const verified = await this.users.markVerified(manager, found.userId);
      await this.audit.record(manager, {
        actorId: verified.id,
        action: 'auth.email_verified',
        subjectType: 'user',
        subjectId: verified.id,
      });
      return verified;
    });
    if (user.disabledAt)
      throw AppError.forbidden('auth.account_disabled', 'This account is disabled. Ask an administrator of Laurel to enable it again.');
    return this.auth.issue(user);
  }

  async resendVerification(actor: AuthUser): Promise<NeutralAnswer> {
    const user = await this.users.findById(actor.id);
    if (!user) throw AppError.unauthorized('auth.account_gone', 'This account no longer exists. Sign in again.');
    if (user.emailVerifiedAt)
      throw AppError.conflict('auth.already_verified', 'This address is already confirmed: there is nothing to resend.');
    await this.dataSource.transaction((manager) => this.mailVerification(manager, user));
    return VERIFICATION_RESENT;
  }

  private async mailVerification(
    manager: Parameters<MailOutbox['enqueue']>[0],
    user: { id: string; email: string; displayName: string; language: MailLanguage },
  ) {
    await mailAccountLink({ tokens: this.tokens, mail: this.mail }, manager, user, { purpose: 'verify_email', ttlMs: VERIFY_TTL_MS });
  }
}
