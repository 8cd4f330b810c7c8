import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { type AbstractControl, FormControl, FormGroup, ReactiveFormsModule, type ValidationErrors, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@laurel/contracts';
import { AuthStore } from '@laurel/console-data-access-auth';
import { JudgingApi } from '@laurel/console-data-access-judging';
import { AlertComponent } from '@laurel/console-ui';
import { TranslatePipe, type UiMessage, UiMessagePipe, apiErrorOf, toUiMessage } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';

const INVITE_CODES: Record<string, UiMessage> = {
  'auth.invite_invalid': { key: 'judging.invite.invalid' },
  'auth.invite_used': { key: 'judging.invite.used' },
  'auth.invite_expired': { key: 'judging.invite.expired' },
};

function sameAsPassword(control: AbstractControl): ValidationErrors | null {
  const group = control.parent as FormGroup | null;
  return group && control.value !== group.get('password')?.value ? { mismatch: true } : null;
}

/** `/accept-invite#token=…` (or `?token=`): an invited judge sets a password and is signed in. */
@Component({
  selector: 'laurel-accept-invite-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatProgressSpinner,
    MatSuffix,
    AlertComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  templateUrl: './accept-invite-page.component.html',
  styleUrl: './accept-invite-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AcceptInvitePageComponent {
  private readonly api = inject(JudgingApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  private readonly query = toSignal(this.route.queryParamMap);
  private readonly fragment = toSignal(this.route.fragment);
  /** The token travels in the fragment (never in a server log); `?token=` works too. */
  protected readonly token = computed(() => {
    const fromFragment = new URLSearchParams(this.fragment() ?? '').get('token');
    return fromFragment || this.query()?.get('token') || '';
  });

  protected readonly min = PASSWORD_MIN_LENGTH;
  protected readonly hidden = signal(true);
  protected readonly pending = signal(false);
  protected readonly error = signal<UiMessage | null>(null);
  protected readonly form = new FormGroup({
    password: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)],
    }),
    confirm: new FormControl('', { nonNullable: true, validators: [Validators.required, sameAsPassword] }),
  });

  constructor() {
    this.form.controls.password.valueChanges.subscribe(() => this.form.controls.confirm.updateValueAndValidity({ emitEvent: false }));
  }

  protected async submit(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.pending() || !this.token()) return;
    this.pending.set(true);
    this.error.set(null);
    const password = this.form.controls.password.value;
    try {
      const response = await firstValueFrom(this.api.acceptInvite({ token: this.token(), password }));
      const outcome = await this.auth.signIn({ email: response.user.email, password });
      if (!outcome.ok) {
        this.error.set(outcome.error);
        return;
      }
      // The token is spent: drop it from the history entry before moving on.
      await this.router.navigateByUrl('/judging', { replaceUrl: true });
    } catch (error) {
      const code = apiErrorOf(error)?.code;
      this.error.set((code && INVITE_CODES[code]) || toUiMessage(error));
    } finally {
      this.pending.set(false);
    }
  }
}
