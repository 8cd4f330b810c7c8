import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { AUTH_PATHS, AuthApi } from '@laurel/console-data-access-auth';
import { AlertComponent, SubmitButtonComponent } from '@laurel/console-ui';
import { type FieldLabels, TranslatePipe, type UiMessage, UiMessagePipe, toUiMessage } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';
import { EMAIL_ERRORS, EMAIL_MAX_LENGTH } from '../forms/auth-messages';
import { firstError } from '../forms/field-errors';

// The form's field by its API name, for a refusal that names it.
const EMAIL_LABELS: FieldLabels = { email: 'auth.fields.email' };

/** `/forgot-password`: mails a link to choose a new password; the answer never says whether the address has an account. */
@Component({
  selector: 'laurel-forgot-password-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatError,
    MatFormField,
    MatIcon,
    MatInput,
    MatLabel,
    AlertComponent,
    SubmitButtonComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  template: `
    <section class="card" aria-labelledby="forgot-title">
      <div class="brand" aria-hidden="true"><mat-icon svgIcon="trophy" /></div>
      <h1 id="forgot-title">{{ 'auth.forgot.title' | translate }}</h1>
      <p class="subtitle">{{ 'auth.forgot.subtitle' | translate }}</p>
      @if (sentTo(); as email) {
        <laurel-alert tone="info" data-testid="forgot-sent">{{ 'auth.forgot.sent' | translate: { email } }}</laurel-alert>
      } @else {
        @if (error(); as message) {
          <laurel-alert tone="error" data-testid="forgot-error">{{ message | uiMessage }}</laurel-alert>
        }
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'auth.fields.email' | translate }}</mat-label>
            <input matInput type="email" formControlName="email" autocomplete="username" inputmode="email" data-testid="forgot-email" />
            <mat-error>{{ firstError(form.controls.email, emailErrors) | uiMessage }}</mat-error>
          </mat-form-field>
          <laurel-submit-button class="submit" [label]="'auth.forgot.submit' | translate" [pending]="pending()" testId="forgot-submit" />
        </form>
      }
      <p class="switch">
        <a [routerLink]="signInPath">{{ 'auth.forgot.back' | translate }}</a>
      </p>
    </section>
  `,
  styleUrl: '../auth-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForgotPasswordPageComponent {
  private readonly api = inject(AuthApi);
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(EMAIL_MAX_LENGTH)]],
  });
  protected readonly pending = signal(false);
  protected readonly error = signal<UiMessage | null>(null);
  protected readonly sentTo = signal<string | null>(null);
  protected readonly signInPath = AUTH_PATHS.signIn;
  protected readonly firstError = firstError;
  protected readonly emailErrors = EMAIL_ERRORS;

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    this.error.set(null);
    const email = this.form.controls.email.value.trim();
    try {
      await firstValueFrom(this.api.requestPasswordReset(email));
      this.sentTo.set(email);
    } catch (error) {
      this.error.set(toUiMessage(error, {}, EMAIL_LABELS));
    } finally {
      this.pending.set(false);
    }
  }
}
