import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { PASSWORD_MAX_LENGTH } from '@laurel/contracts';
import { AUTH_PATHS, AuthStore, safeReturnUrl } from '@laurel/console-data-access-auth';
import { AlertComponent, PasswordFieldComponent, SubmitButtonComponent } from '@laurel/console-ui';
import { type TranslationKey, TranslatePipe, type UiMessage, UiMessagePipe } from '@laurel/console-util';
import { EMAIL_ERRORS, EMAIL_MAX_LENGTH, PASSWORD_ERRORS } from '../forms/auth-messages';
import { firstError } from '../forms/field-errors';

@Component({
  selector: 'laurel-sign-in-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatError,
    MatFormField,
    MatIcon,
    MatInput,
    MatLabel,
    AlertComponent,
    PasswordFieldComponent,
    SubmitButtonComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  templateUrl: './sign-in-page.component.html',
  styleUrl: '../auth-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInPageComponent {
  /** Query parameters: where to go afterwards, and why the page was opened. */
  readonly returnUrl = input<string>();
  readonly reason = input<string>();

  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(EMAIL_MAX_LENGTH)]],
    password: ['', [Validators.required, Validators.maxLength(PASSWORD_MAX_LENGTH)]],
  });
  protected readonly pending = signal(false);
  protected readonly error = signal<UiMessage | null>(null);
  protected readonly notice = computed<TranslationKey | null>(() => {
    switch (this.reason()) {
      case 'expired':
        return 'auth.signIn.expired';
      case 'required':
        return 'auth.signIn.required';
      default:
        return null;
    }
  });
  protected readonly signUpPath = AUTH_PATHS.signUp;
  protected readonly firstError = firstError;
  protected readonly emailErrors = EMAIL_ERRORS;
  protected readonly passwordErrors = PASSWORD_ERRORS;

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    this.error.set(null);
    const { email, password } = this.form.getRawValue();
    const outcome = await this.auth.signIn({ email: email.trim(), password });
    this.pending.set(false);
    if (outcome.ok) {
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
    } else {
      this.error.set(outcome.error);
    }
  }
}
