import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { AuthStore } from '@laurel/console-data-access-auth';
import { TranslatePipe, type UiMessage, UiMessagePipe } from '@laurel/console-util';

/**
 * Above every page while the signed-in account's address is unconfirmed: what it blocks
 * (submitting, judging, voting) and a button that mails a new link.
 */
@Component({
  selector: 'laurel-verify-banner',
  imports: [MatButton, MatIcon, TranslatePipe, UiMessagePipe],
  template: `
    @if (email(); as email) {
      <div class="banner" role="status" data-testid="verify-banner">
        <mat-icon svgIcon="info" aria-hidden="true" />
        <p class="text">
          @if (resent()) {
            <span data-testid="verify-banner-resent">{{ 'auth.verify.bannerResent' | translate: { email } }}</span>
          } @else {
            {{ 'auth.verify.banner' | translate: { email } }}
          }
          @if (error(); as message) {
            <span class="error" role="alert" data-testid="verify-banner-error">{{ message | uiMessage }}</span>
          }
        </p>
        @if (!resent()) {
          <button mat-stroked-button type="button" [disabled]="pending()" (click)="resend()" data-testid="verify-banner-resend">
            {{ 'auth.verify.bannerResend' | translate }}
          </button>
        }
      </div>
    }
  `,
  styles: `
    .banner {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 8px 16px;
      padding: 12px 24px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    mat-icon {
      flex: none;
    }
    .text {
      flex: 1 1 320px;
      margin: 0;
      font: var(--mat-sys-body-medium);
    }
    .error {
      display: block;
      margin-top: 4px;
      color: var(--mat-sys-error);
    }
    @media (max-width: 599.98px) {
      .banner {
        padding: 12px 16px;
      }
      button {
        width: 100%;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VerifyBannerComponent {
  private readonly auth = inject(AuthStore);
  /** The address to confirm; null when there is nothing to confirm (signed out, or confirmed). */
  protected readonly email = computed(() => {
    const user = this.auth.user();
    return user && user.emailVerified === false ? user.email : null;
  });
  protected readonly pending = signal(false);
  protected readonly resent = signal(false);
  protected readonly error = signal<UiMessage | null>(null);

  protected async resend(): Promise<void> {
    if (this.pending()) return;
    this.pending.set(true);
    this.error.set(null);
    const outcome = await this.auth.resendVerification();
    this.pending.set(false);
    if (outcome.ok) this.resent.set(true);
    else if ('error' in outcome) this.error.set(outcome.error);
    // Confirmed meanwhile (in another browser): the stored account learns it, and the banner goes.
    if (!outcome.ok) await this.auth.refresh();
  }
}
