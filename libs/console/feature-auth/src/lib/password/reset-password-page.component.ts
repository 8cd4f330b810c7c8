import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatIcon } from '@angular/material/icon';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@laurel/contracts';
import { AUTH_PATHS, AuthApi, AuthStore } from '@laurel/console-data-access-auth';
import { AlertComponent, PasswordFieldComponent, SubmitButtonComponent } from '@laurel/console-ui';
import { type FieldLabels, TranslatePipe, type UiMessage, UiMessagePipe, toUiMessage } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';
import { PASSWORD_ERRORS } from '../forms/auth-messages';
import { firstError, notBlank } from '../forms/field-errors';

// The form's field by its API name, for a refusal that names it.
const PASSWORD_LABELS: FieldLabels = { password: 'auth.fields.password' };

/** `/reset-password#token=…`, the link of a password reset mail: a new password, and every other session ends. */
@Component({
  selector: 'laurel-reset-password-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatIcon,
    AlertComponent,
    PasswordFieldComponent,
    SubmitButtonComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  template: `
    <section class="card" aria-labelledby="reset-title">
      <div class="brand" aria-hidden="true"><mat-icon svgIcon="trophy" /></div>
      <h1 id="reset-title">{{ 'auth.reset.title' | translate }}</h1>
      <p class="subtitle">{{ 'auth.reset.subtitle' | translate }}</p>
      @if (!token()) {
        <laurel-alert tone="error" data-testid="reset-no-token">{{ 'auth.reset.missing' | translate }}</laurel-alert>
      } @else {
        @if (error(); as message) {
          <laurel-alert tone="error" data-testid="reset-error">{{ message | uiMessage }}</laurel-alert>
        }
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <laurel-password-field
            [control]="form.controls.password"
            [label]="'auth.fields.password' | translate"
            autocomplete="new-password"
            testId="reset-password"
            [toggle]="false"
            [hint]="'auth.fields.passwordHint' | translate: limits"
            [error]="firstError(form.controls.password, passwordErrors) | uiMessage"
          />
          <laurel-submit-button class="submit" [label]="'auth.reset.submit' | translate" [pending]="pending()" testId="reset-submit" />
        </form>
      }
      <p class="switch">
        <a routerLink="/forgot-password">{{ 'auth.reset.again' | translate }}</a>
      </p>
    </section>
  `,
  styleUrl: '../auth-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResetPasswordPageComponent {
  private readonly api = inject(AuthApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly fragment = toSignal(inject(ActivatedRoute).fragment);
  /** The token travels in the fragment, so it never reaches a server log. */
  protected readonly token = computed(() => new URLSearchParams(this.fragment() ?? '').get('token') ?? '');
  protected readonly form = inject(NonNullableFormBuilder).group({
    password: ['', [Validators.required, notBlank, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)]],
  });
  protected readonly pending = signal(false);
  protected readonly error = signal<UiMessage | null>(null);
  protected readonly limits = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };
  protected readonly firstError = firstError;
  protected readonly passwordErrors = PASSWORD_ERRORS;

  protected async submit(): Promise<void> {
    if (this.pending() || !this.token()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    this.error.set(null);
    try {
      const response = await firstValueFrom(
        this.api.confirmPasswordReset({ token: this.token(), password: this.form.controls.password.value }),
      );
      this.auth.adopt(response);
      // The token is spent: drop it from the history entry.
      await this.router.navigateByUrl(AUTH_PATHS.home, { replaceUrl: true });
    } catch (error) {
      this.error.set(toUiMessage(error, {}, PASSWORD_LABELS));
    } finally {
      this.pending.set(false);
    }
  }
}
