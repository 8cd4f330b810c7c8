import { Injectable, inject } from '@angular/core';
import type { PasswordChangeRequest, ProfileUpdateRequest } from '@laurel/contracts';
import { type FieldLabels, LANGUAGE_NAMES, type UiMessage, apiErrorOf, toUiMessage } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';
import { AccountApi } from './account.api';
import { AuthSession } from './auth-session';

// The account page's fields by their API names (and the mail language's choices), for a refusal that names them.
const ACCOUNT_LABELS: FieldLabels = {
  displayName: 'account.profile.displayName',
  language: { label: 'account.profile.language', choices: LANGUAGE_NAMES },
  currentPassword: 'account.password.current',
  newPassword: 'account.password.next',
};

/** `code`: the API's error code, for a page that words that refusal itself. */
export type AccountOutcome = { ok: true } | { ok: false; error: UiMessage; code: string | null };

/** What a person changes about their own account; the session follows each change. */
@Injectable({ providedIn: 'root' })
export class AccountStore {
  private readonly api = inject(AccountApi);
  private readonly session = inject(AuthSession);

  async updateProfile(body: ProfileUpdateRequest): Promise<AccountOutcome> {
    try {
      this.session.updateUser(await firstValueFrom(this.api.updateProfile(body)));
      return { ok: true };
    } catch (error) {
      return failure(error);
    }
  }

  /** Every other session ends; this one carries on with the new token the answer holds. */
  async changePassword(body: PasswordChangeRequest): Promise<AccountOutcome> {
    const user = this.session.user();
    try {
      const { accessToken } = await firstValueFrom(this.api.changePassword(body));
      if (user) this.session.start({ accessToken, user });
      return { ok: true };
    } catch (error) {
      return failure(error);
    }
  }

  /** Ends every session, this one included. */
  async signOutEverywhere(): Promise<AccountOutcome> {
    try {
      await firstValueFrom(this.api.signOutEverywhere());
      this.session.clear();
      return { ok: true };
    } catch (error) {
      return failure(error);
    }
  }
}

function failure(error: unknown): AccountOutcome {
  return { ok: false, error: toUiMessage(error, {}, ACCOUNT_LABELS), code: apiErrorOf(error)?.code ?? null };
}
