import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { AFTER_VERIFY_KEY, AUTH_PATHS, AuthApi, AuthStore, safeReturnUrl } from '@laurel/console-data-access-auth';
import { AlertComponent } from '@laurel/console-ui';
import { TranslatePipe, type UiMessage, UiMessagePipe, apiErrorOf, localStore, toUiMessage } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';

type State =
  { kind: 'missing' } | { kind: 'working' } | { kind: 'done'; email: string } | { kind: 'failed'; message: UiMessage; code?: string };

/**
 * `/verify-email#token=…`, the link of the confirmation mail. Opening it proves the mailbox: the
 * page confirms at once and signs the holder in (the token is in the fragment, so it never
 * reaches a server log, and a mail scanner fetching the page confirms nothing).
 */
@Component({
  selector: 'laurel-verify-email-page',
  imports: [RouterLink, MatButton, MatIcon, MatProgressSpinner, AlertComponent, TranslatePipe, UiMessagePipe],
  template: `
    <section class="card" aria-labelledby="verify-title">
      <div class="brand" aria-hidden="true"><mat-icon svgIcon="trophy" /></div>
      <h1 id="verify-title">{{ 'auth.verify.title' | translate }}</h1>
      @switch (state().kind) {
        @case ('working') {
          <p class="subtitle working" role="status" data-testid="verify-working">
            <mat-progress-spinner mode="indeterminate" diameter="20" aria-hidden="true" />
            {{ 'auth.verify.working' | translate }}
          </p>
        }
        @case ('done') {
          <laurel-alert tone="info" data-testid="verify-done">{{ 'auth.verify.done' | translate: { email: doneEmail() } }}</laurel-alert>
          <p class="next-steps">{{ 'auth.verify.next' | translate }}</p>
          <a mat-flat-button class="submit" [routerLink]="nextPath()" [queryParams]="nextQuery()" data-testid="verify-continue">{{
            'auth.verify.continue' | translate
          }}</a>
        }
        @case ('missing') {
          <laurel-alert tone="error" data-testid="verify-error">{{ 'auth.verify.missing' | translate }}</laurel-alert>
        }
        @case ('failed') {
          <laurel-alert tone="error" data-testid="verify-error">{{ failure() | uiMessage }}</laurel-alert>
        }
      }
      @if (canResend()) {
        @if (resent()) {
          <laurel-alert tone="info" data-testid="verify-resent">{{
            'auth.verify.resent' | translate: { email: signedInEmail() }
          }}</laurel-alert>
        } @else {
          <button mat-flat-button class="submit" type="button" [disabled]="resending()" (click)="resend()" data-testid="verify-resend">
            {{ 'auth.verify.resend' | translate }}
          </button>
        }
        @if (resendError(); as message) {
          <laurel-alert tone="error" data-testid="verify-resend-error">{{ message | uiMessage }}</laurel-alert>
        }
      } @else if (needsSignIn()) {
        <p class="next-steps">{{ 'auth.verify.signInToResend' | translate }}</p>
        <a mat-flat-button class="submit" [routerLink]="signInPath" data-testid="verify-sign-in">{{ 'auth.signIn.submit' | translate }}</a>
      }
    </section>
  `,
  styleUrl: '../auth-page.scss',
  styles: `
    .working {
      display: flex;
      align-items: center;
      gap: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VerifyEmailPageComponent {
  private readonly api = inject(AuthApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  protected readonly state = signal<State>({ kind: 'working' });
  protected readonly resending = signal(false);
  protected readonly resent = signal(false);
  protected readonly resendError = signal<UiMessage | null>(null);
  protected readonly signInPath = AUTH_PATHS.signIn;

  protected readonly doneEmail = computed(() => {
    const state = this.state();
    return state.kind === 'done' ? state.email : '';
  });
  protected readonly failure = computed<UiMessage>(() => {
    const state = this.state();
    return state.kind === 'failed' ? state.message : { key: 'errors.unexpected' };
  });
  protected readonly signedInEmail = computed(() => this.auth.user()?.email ?? '');
  private readonly failed = computed(() => this.state().kind === 'failed' || this.state().kind === 'missing');
  private readonly alreadyConfirmed = computed(() => {
    const state = this.state();
    return state.kind === 'failed' && state.code === 'auth.verify_used';
  });
  /** A signed-in account still unconfirmed can ask for a new link right here. */
  protected readonly canResend = computed(() => this.failed() && !this.alreadyConfirmed() && this.auth.user()?.emailVerified === false);
  protected readonly needsSignIn = computed(() => this.failed() && !this.auth.isSignedIn());
  /** Where the person was going when they signed up (kept across the trip to the mailbox), else their start page. */
  private readonly next = signal(new URL(safeReturnUrl(localStore.get(AFTER_VERIFY_KEY) ?? AUTH_PATHS.home), 'http://console'));
  protected readonly nextPath = computed(() => this.next().pathname);
  protected readonly nextQuery = computed(() => {
    const query: Record<string, string> = {};
    this.next().searchParams.forEach((value, key) => (query[key] = value));
    return query;
  });

  /** The token being confirmed or confirmed last: a second link opened in the same tab is confirmed too. */
  private lastToken = '';

  constructor() {
    inject(ActivatedRoute)
      .fragment.pipe(takeUntilDestroyed())
      .subscribe((fragment) => {
        const token = new URLSearchParams(fragment ?? '').get('token') ?? '';
        if (token && token !== this.lastToken) {
          this.lastToken = token;
          this.resent.set(false);
          this.state.set({ kind: 'working' });
          void this.confirm(token);
        } else if (!token && !this.lastToken) {
          this.state.set({ kind: 'missing' });
        }
      });
  }

  protected async resend(): Promise<void> {
    if (this.resending()) return;
    this.resending.set(true);
    this.resendError.set(null);
    const outcome = await this.auth.resendVerification();
    this.resending.set(false);
    if (outcome.ok) this.resent.set(true);
    else this.resendError.set(outcome.error);
  }

  private async confirm(token: string): Promise<void> {
    try {
      const response = await firstValueFrom(this.api.verifyEmail(token));
      this.auth.adopt(response);
      localStore.remove(AFTER_VERIFY_KEY);
      this.state.set({ kind: 'done', email: response.user.email });
      // The token is spent: drop it from the history entry.
      await this.router.navigate([], { fragment: undefined, replaceUrl: true });
    } catch (error) {
      const code = apiErrorOf(error)?.code;
      this.state.set({ kind: 'failed', code, message: toUiMessage(error) });
    }
  }
}
