import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { Router, RouterLink } from '@angular/router';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@laurel/contracts';
import { AUTH_PATHS, AuthStore, safeReturnUrl } from '@laurel/console-data-access-auth';
import { AlertComponent } from '@laurel/console-ui';
import { TranslatePipe, type UiMessage, UiMessagePipe } from '@laurel/console-util';
import {
  DISPLAY_NAME_ERRORS,
  DISPLAY_NAME_MAX_LENGTH,
  EMAIL_ERRORS,
  EMAIL_MAX_LENGTH,
  PASSWORD_ERRORS,
} from '../forms/auth-messages';
import { firstError, notBlank, notSameAs } from '../forms/field-errors';

/** Applicants (startup teams) create their own account here; it starts with the applicant role. */
@Component({
  selector: 'laurel-sign-up-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatIconButton,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    MatProgressSpinner,
    MatSuffix,
    AlertComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  templateUrl: './sign-up-page.component.html',
  styleUrl: '../auth-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignUpPageComponent {
  /** Where to go once the account exists (e.g. the contest the visitor wanted to enter). */
  readonly returnUrl = input<string>();

  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

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
  protected readonly passwordHidden = signal(true);
  protected readonly passwordLimits = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };
  protected readonly signInPath = AUTH_PATHS.signIn;
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
    const outcome = await this.auth.signUp({ displayName: displayName.trim(), email: email.trim(), password });
    this.pending.set(false);
    if (outcome.ok) {
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
    } else {
      this.error.set(outcome.error);
    }
  }
}
