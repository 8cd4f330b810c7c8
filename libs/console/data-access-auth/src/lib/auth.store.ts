import { Injectable, computed, inject } from '@angular/core';
import { type AuthResponse, type LoginRequest, type RegisterRequest, ROLES, type Role, type UserView } from '@laurel/contracts';
import { type FieldLabels, LANGUAGE_NAMES, type UiMessage, toUiMessage } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';
import { AuthApi } from './auth.api';
import { AuthSession } from './auth-session';

/** The sign-in form's fields by their API names, for a refusal that names them. */
const SIGN_IN_LABELS: FieldLabels = {
  email: 'auth.fields.email',
  password: 'auth.fields.password',
};

/** The sign-up form's fields by their API names, for a refusal that names them. */
const SIGN_UP_LABELS: FieldLabels = {
  email: 'auth.fields.email',
  password: 'auth.fields.password',
  displayName: 'auth.fields.displayName',
  language: { label: 'language.label', choices: LANGUAGE_NAMES },
};

/** The answer of a sign-in or sign-up: the user, or what to tell the person. */
export type AuthOutcome = { ok: true; user: UserView } | { ok: false; error: UiMessage };
/** The answer of a sign-up: nothing to show but "check your mailbox", or what went wrong. */
export type SignUpOutcome = { ok: true } | { ok: false; error: UiMessage };

/** The session as pages see it, and the actions that change it. */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly api = inject(AuthApi);
  private readonly session = inject(AuthSession);

  readonly user = this.session.user;
  readonly isSignedIn = this.session.isSignedIn;
  /** The user's roles, always in the order admin, organizer, judge, applicant. */
  readonly roles = computed<readonly Role[]>(() => ROLES.filter((role) => this.user()?.roles.includes(role)));

  hasAnyRole(roles: readonly Role[]): boolean {
    return this.roles().some((role) => roles.includes(role));
  }

  async signIn(credentials: LoginRequest): Promise<AuthOutcome> {
    try {
      const response = await firstValueFrom(this.api.login(credentials));
      this.session.start(response);
      return { ok: true, user: response.user };
    } catch (error) {
      return { ok: false, error: toUiMessage(error, { 401: 'errors.invalidCredentials' }, SIGN_IN_LABELS) };
    }
  }

  /**
   * Applicants register themselves; judges and organizers are invited. No session comes back: the
   * answer is the same for a taken address, and the mailed link (or signing in) starts one.
   */
  async signUp(account: RegisterRequest): Promise<SignUpOutcome> {
    try {
      await firstValueFrom(this.api.register(account));
      return { ok: true };
    } catch (error) {
      return { ok: false, error: toUiMessage(error, {}, SIGN_UP_LABELS) };
    }
  }

  /** Mails a new confirmation link to the signed-in account. */
  async resendVerification(): Promise<SignUpOutcome> {
    try {
      await firstValueFrom(this.api.resendVerification());
      return { ok: true };
    } catch (error) {
      return { ok: false, error: toUiMessage(error) };
    }
  }

  /** Starts the session an answer carries (an accepted invitation, a verified address, a new password). */
  adopt(response: AuthResponse): void {
    this.session.start(response);
  }

  signOut(): void {
    this.session.clear();
  }

  /** Picks up role or name changes made since the token was issued. */
  async refresh(): Promise<void> {
    if (!this.session.isSignedIn()) return;
    try {
      this.session.updateUser(await firstValueFrom(this.api.me()));
    } catch {
      // A 401 has already ended the session (authInterceptor); offline, the stored user stands.
    }
  }
}
