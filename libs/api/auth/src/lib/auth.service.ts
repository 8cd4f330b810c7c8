import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import {
  AppError,
  type AuthUser,
  hashPassword,
  laurelConfig,
  type LaurelConfig,
  setPasswordQueueMax,
  verifyPassword,
} from '@laurel/api-core';
import { AuditRepository, type UserEntity, UsersRepository } from '@laurel/api-database';
import type { AuthResponse, UserView } from '@laurel/contracts';
import { Throttles } from './throttle/throttles';

export interface JwtClaims {
  sub: string;
  email: string;
  name: string;
  roles: AuthUser['roles'];
  /** The account's session version when the token was issued; an older one is refused. */
  sv: number;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  /** Verified against when the e-mail is unknown, so a miss costs as long as a wrong password. */
  private readonly decoyHash = hashPassword('laurel-decoy-password');
  /** The account row each checked sign-in was read from, kept only while its request holds the user. */
  private readonly checked = new WeakMap<AuthUser, UserEntity>();

  constructor(
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    private readonly audit: AuditRepository,
    @Inject(laurelConfig.KEY) private readonly config: LaurelConfig,
    private readonly throttles: Throttles,
  ) {
    setPasswordQueueMax(config.auth.passwordQueueMax);
  }

  /** The local strategy's check: the user for these credentials, or null. */
  async validateCredentials(email: string, password: string): Promise<AuthUser | null> {
    // An account in its wait after failed sign-ins is refused before the password is looked at;
    // the account and its counts are one read.
    const { user, counts } = await this.throttles.checkAccount(email);
    const valid = user?.passwordHash
      ? await verifyPassword(user.passwordHash, password)
      : await verifyPassword(await this.decoyHash, password).then(() => false);
    if (user && valid && user.disabledAt) {
      throw AppError.forbidden('auth.account_disabled', 'This account is disabled. Ask an administrator of Laurel to enable it again.');
    }
    if (!user || !valid) {
      await this.throttles.signInFailed(email);
      await this.audit.recordAlone({
        actorId: user?.id ?? null,
        action: 'auth.sign_in_failed',
        subjectType: 'user',
        subjectId: user?.id ?? null,
        payload: { email: email.slice(0, 254) },
      });
      return null;
    }
    await this.throttles.signInSucceeded(email, counts);
    // A sign-in is a change of who acts: it goes into the (platform's) trail as a failed one does.
    await this.audit.recordAlone({
      actorId: user.id,
      action: 'auth.signed_in',
      subjectType: 'user',
      subjectId: user.id,
      payload: {},
    });
    const checked = toAuthUser(user);
    this.checked.set(checked, user);
    return checked;
  }

  async me(actor: AuthUser): Promise<UserView> {
    const user = await this.users.findById(actor.id);
    if (!user) throw AppError.unauthorized('auth.account_gone', 'This account no longer exists. Sign in again.');
    return toView(user);
  }

  /** A token for the caller the local strategy checked, from the account row read for that check. */
  async signIn(user: AuthUser): Promise<AuthResponse> {
    const account = this.checked.get(user) ?? (await this.users.findById(user.id));
    if (!account) throw AppError.unauthorized('auth.account_gone', 'This account no longer exists. Sign in again.');
    return this.issue(account);
  }

  /** A token carrying the account's current session version, and the account's view. */
  issue(user: UserEntity): AuthResponse {
    return { accessToken: this.accessToken(user), user: toView(user) };
  }

  accessToken(user: UserEntity): string {
    const claims: JwtClaims = { sub: user.id, email: user.email, name: user.displayName, roles: user.roles, sv: user.sessionVersion };
    return this.jwt.sign(claims, { algorithm: 'HS256', expiresIn: this.config.auth.jwtTtlSeconds });
  }
}

function toAuthUser(user: UserEntity): AuthUser {
  return { id: user.id, email: user.email, displayName: user.displayName, roles: user.roles, sessionVersion: user.sessionVersion };
}

export function toView(user: UserEntity): UserView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    emailVerified: user.emailVerifiedAt !== null,
    language: user.language,
  };
}
