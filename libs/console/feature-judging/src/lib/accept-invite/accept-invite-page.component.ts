import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { type AbstractControl, FormControl, FormGroup, ReactiveFormsModule, type ValidationErrors, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { type InvitationPreview, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@laurel/contracts';
import { AuthStore } from '@laurel/console-data-access-auth';
import { JudgingApi } from '@laurel/console-data-access-judging';
import { AlertComponent, PasswordFieldComponent, SubmitButtonComponent } from '@laurel/console-ui';
import { type FieldLabels, TranslatePipe, type UiMessage, UiMessagePipe, roleKey, toUiMessage, I18nService } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';

function sameAsPassword(control: AbstractControl): ValidationErrors | null {
  const group = control.parent as FormGroup | null;
  return group && control.value !== group.get('password')?.value ? { mismatch: true } : null;
}

// The form's field by its API name, for a refusal that names it.
const ACCEPT_LABELS: FieldLabels = { password: 'judging.invite.password' };

/**
 * `/invitations/accept#token=…`, the link of an invitation mail. Without an account (or with one
 * never verified) the invited person chooses a password; an existing account signs in as the
 * invited address and accepts.
 */
@Component({
  selector: 'laurel-accept-invite-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatIcon,
    MatProgressSpinner,
    AlertComponent,
    PasswordFieldComponent,
    SubmitButtonComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  templateUrl: './accept-invite-page.component.html',
  styleUrl: './accept-invite-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AcceptInvitePageComponent {
  private readonly api = inject(JudgingApi);
  protected readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  private readonly query = toSignal(this.route.queryParamMap);
  private readonly fragment = toSignal(this.route.fragment);
  /** The token travels in the fragment (never in a server log); `?token=` works too. */
  protected readonly token = computed(() => {
    const fromFragment = new URLSearchParams(this.fragment() ?? '').get('token');
    return fromFragment || this.query()?.get('token') || '';
  });

  protected readonly preview = signal<InvitationPreview | null>(null);
  protected readonly loading = signal(false);
  protected readonly min = PASSWORD_MIN_LENGTH;
  /** One eye for both fields: the repeated password shows when the first does. */
  protected readonly shown = signal(false);
  protected readonly pending = signal(false);
  protected readonly error = signal<UiMessage | null>(null);
  /** Signed in as the invited address: accept with one button. */
  protected readonly signedInAsInvited = computed(() => {
    const user = this.auth.user();
    const preview = this.preview();
    return !!user && !!preview && user.email.toLowerCase() === preview.email.toLowerCase();
  });
  protected readonly invitedAs = computed(() => {
    const p = this.preview();
    if (!p) return null;
    return p.kind === 'judge'
      ? ({ key: 'judging.invite.forContest', params: { name: p.displayName, contest: p.contestName ?? '' } } as UiMessage)
      : ({ key: 'judging.invite.forRole', params: { name: p.displayName, role: this.i18n.t(roleKey(p.kind)) } } as UiMessage);
  });
  protected readonly form = new FormGroup({
    password: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)],
    }),
    confirm: new FormControl('', { nonNullable: true, validators: [Validators.required, sameAsPassword] }),
  });

  constructor() {
    this.form.controls.password.valueChanges.subscribe(() => this.form.controls.confirm.updateValueAndValidity({ emitEvent: false }));
    effect(() => {
      const token = this.token();
      if (token) void this.load(token);
    });
  }

  private async load(token: string): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.preview.set(await firstValueFrom(this.api.invitation(token)));
    } catch (error) {
      this.error.set(toUiMessage(error));
    } finally {
      this.loading.set(false);
    }
  }

  protected async submit(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    await this.accept(this.form.controls.password.value);
  }

  protected async accept(password?: string): Promise<void> {
    if (this.pending() || !this.token()) return;
    this.pending.set(true);
    this.error.set(null);
    try {
      const response = await firstValueFrom(this.api.acceptInvitation({ token: this.token(), ...(password ? { password } : {}) }));
      this.auth.adopt(response);
      // The token is spent: drop it from the history entry before moving on.
      await this.router.navigateByUrl(this.preview()?.kind === 'judge' ? '/judging' : '/dashboard', { replaceUrl: true });
    } catch (error) {
      this.error.set(toUiMessage(error, {}, ACCEPT_LABELS));
    } finally {
      this.pending.set(false);
    }
  }

  protected signOut(): void {
    this.auth.signOut();
  }
}
