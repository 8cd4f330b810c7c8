import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router } from '@angular/router';
import { type MailLanguage, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@laurel/contracts';
import { AUTH_PATHS, AccountStore, AuthStore } from '@laurel/console-data-access-auth';
import { AlertComponent } from '@laurel/console-ui';
import { I18nService, TranslatePipe, type UiMessage, UiMessagePipe } from '@laurel/console-util';
import { DISPLAY_NAME_MAX_LENGTH, PASSWORD_ERRORS } from '../forms/auth-messages';
import { firstError, notBlank } from '../forms/field-errors';

const NAME_ERRORS = {
  required: { key: 'account.profile.nameRequired' },
  blank: { key: 'account.profile.nameRequired' },
  maxlength: { key: 'account.profile.nameTooLong' },
} as const;

/**
 * `/account`: the signed-in person's own settings. The language of their mail (which may differ
 * from the console's), the name others see, a new password (other sessions end) and "sign out
 * everywhere" (every session ends, this one too).
 */
@Component({
  selector: 'laurel-account-page',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    AlertComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  templateUrl: './account-page.component.html',
  styleUrl: './account-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountPageComponent {
  private readonly account = inject(AccountStore);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);
  protected readonly auth = inject(AuthStore);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly profile = this.fb.group({
    displayName: ['', [Validators.required, notBlank, Validators.maxLength(DISPLAY_NAME_MAX_LENGTH)]],
    language: this.fb.control<MailLanguage>('vi'),
  });
  protected readonly password = this.fb.group({
    currentPassword: ['', [Validators.required]],
    newPassword: [
      '',
      [Validators.required, notBlank, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)],
    ],
  });

  protected readonly profilePending = signal(false);
  protected readonly profileSaved = signal<MailLanguage | null>(null);
  protected readonly profileError = signal<UiMessage | null>(null);
  protected readonly passwordPending = signal(false);
  protected readonly passwordChanged = signal(false);
  protected readonly passwordError = signal<UiMessage | null>(null);
  protected readonly confirmingSignOut = signal(false);
  protected readonly signOutPending = signal(false);
  protected readonly signOutError = signal<UiMessage | null>(null);

  protected readonly limits = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };
  protected readonly firstError = firstError;
  protected readonly nameErrors = NAME_ERRORS;
  protected readonly passwordErrors = PASSWORD_ERRORS;

  constructor() {
    effect(() => {
      const user = this.auth.user();
      if (user) untracked(() => this.profile.reset({ displayName: user.displayName, language: user.language ?? 'vi' }));
    });
  }

  protected languageName(language: MailLanguage): string {
    return this.i18n.t(language === 'vi' ? 'account.profile.vi' : 'account.profile.en');
  }

  protected async saveProfile(): Promise<void> {
    if (this.profilePending()) return;
    if (this.profile.invalid) {
      this.profile.markAllAsTouched();
      return;
    }
    this.profilePending.set(true);
    this.profileError.set(null);
    this.profileSaved.set(null);
    const { displayName, language } = this.profile.getRawValue();
    const outcome = await this.account.updateProfile({ displayName: displayName.trim(), language });
    this.profilePending.set(false);
    if (outcome.ok) this.profileSaved.set(language);
    else this.profileError.set(outcome.error);
  }

  protected async changePassword(): Promise<void> {
    if (this.passwordPending()) return;
    if (this.password.invalid) {
      this.password.markAllAsTouched();
      return;
    }
    this.passwordPending.set(true);
    this.passwordError.set(null);
    this.passwordChanged.set(false);
    const outcome = await this.account.changePassword(this.password.getRawValue());
    this.passwordPending.set(false);
    if (outcome.ok) {
      this.passwordChanged.set(true);
      this.password.reset();
    } else {
      this.passwordError.set(outcome.code === 'auth.wrong_password' ? { key: 'account.password.wrongCurrent' } : outcome.error);
    }
  }

  protected async signOutEverywhere(): Promise<void> {
    if (this.signOutPending()) return;
    this.signOutPending.set(true);
    this.signOutError.set(null);
    const outcome = await this.account.signOutEverywhere();
    this.signOutPending.set(false);
    if (outcome.ok) await this.router.navigateByUrl(AUTH_PATHS.signIn, { replaceUrl: true });
    else this.signOutError.set(outcome.error);
  }
}
