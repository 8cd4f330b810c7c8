import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@laurel/contracts';
import { AFTER_VERIFY_KEY, AUTH_PATHS, AuthStore, safeReturnUrl } from '@laurel/console-data-access-auth';
import { AlertComponent, PasswordFieldComponent, SubmitButtonComponent } from '@laurel/console-ui';
import { I18nService, TranslatePipe, type UiMessage, UiMessagePipe, localStore } from '@laurel/console-util';
import { DISPLAY_NAME_ERRORS, DISPLAY_NAME_MAX_LENGTH, EMAIL_ERRORS, EMAIL_MAX_LENGTH, PASSWORD_ERRORS } from '../forms/auth-messages';
import { firstError, notBlank, notSameAs } from '../forms/field-errors';

/**
 * Applicants (startup teams) create their own account here; it starts with the applicant role.
 * The answer never says whether the address already had an account: the page always asks the
 * person to open the mail (a confirmation link, or a notice that the address is taken).
 */
@Component({
  selector: 'laurel-sign-up-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    AlertComponent,
    PasswordFieldComponent,
    SubmitButtonComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  templateUrl: './sign-up-page.component.html',
  styleUrl: '../auth-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignUpPageComponent {
  /** Where the visitor wanted to go (e.g. the contest to enter): kept for the sign-in link. */
  readonly returnUrl = input<string>();

  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18nService);

  protected readonly form = inject(NonNullableFormBuilder).group({
    displayName: ['', [Validators.required, notBlank, Validators.maxLength(DISPLAY_NAME_MAX_LENGTH)]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(EMAIL_MAX_LENGTH)]],
    password: [
      '',
      [
        Validators.required,
        notBlank,
        Validators.minLength(PASSWORD_MIN_LENGTH),
        Validators.maxLength(PASSWORD_MAX_LENGTH),
        notSameAs('email'),
      ],
    ],
  });
  protected readonly pending = signal(false);
  protected readonly error = signal<UiMessage | null>(null);
  /** The address the confirmation went to, once the sign-up is accepted. */
  protected readonly sentTo = signal<string | null>(null);
  protected readonly passwordLimits = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };
  protected readonly signInPath = AUTH_PATHS.signIn;
  protected readonly signInQuery = computed(() => (this.returnUrl() ? { returnUrl: this.returnUrl() } : {}));
  protected readonly firstError = firstError;
  protected readonly nameErrors = DISPLAY_NAME_ERRORS;
  protected readonly emailErrors = EMAIL_ERRORS;
  protected readonly passwordErrors = PASSWORD_ERRORS;

  constructor() {
    // The password check compares with the e-mail, so it reruns when the e-mail changes.
    this.form.controls.email.valueChanges
      .pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe(() => this.form.controls.password.updateValueAndValidity({ emitEvent: false }));
  }

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    this.error.set(null);
    const { displayName, email, password } = this.form.getRawValue();
    // Mails come in the language the person signed up in (changeable later in the profile).
    const outcome = await this.auth.signUp({ displayName: displayName.trim(), email: email.trim(), password, language: this.i18n.lang() });
    this.pending.set(false);
    if (outcome.ok) {
      if (this.returnUrl()) localStore.set(AFTER_VERIFY_KEY, safeReturnUrl(this.returnUrl()));
      this.sentTo.set(email.trim());
    } else {
      this.error.set(outcome.error);
    }
  }
}
