import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { ConfirmVoteResponse } from '@laurel/contracts';
import { BallotStore } from '@laurel/console-data-access-results';
import { AlertComponent } from '@laurel/console-ui';
import { TranslatePipe, type UiMessage, UiMessagePipe } from '@laurel/console-util';

/**
 * `/vote/confirm#token=…`: the link mailed to a voter. The token travels in the fragment, so it
 * never reaches a server log; the page posts it once and says whether the vote counts.
 */
@Component({
  selector: 'laurel-vote-confirm-page',
  imports: [MatProgressBar, AlertComponent, TranslatePipe, UiMessagePipe],
  providers: [BallotStore],
  template: `
    <div class="confirm">
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | translate" />
      }
      @if (counted(); as c) {
        <section class="done" data-testid="vote-counted">
          <h1>{{ 'results.vote.countedTitle' | translate }}</h1>
          <p>{{ 'results.vote.countedBody' | translate: { title: c.entry.title } }}</p>
        </section>
      }
      @if (error(); as e) {
        <laurel-alert tone="error" data-testid="vote-confirm-error">{{ e | uiMessage }}</laurel-alert>
      }
    </div>
  `,
  styles: `
    .confirm {
      max-width: 640px;
      margin: 0 auto;
      padding: 24px 16px;
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    .done {
      padding: 24px;
      border-radius: 20px;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .done h1 {
      margin: 0 0 8px;
      font: var(--mat-sys-headline-small);
    }
    .done p {
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VoteConfirmPageComponent {
  private readonly store = inject(BallotStore);
  protected readonly busy = signal(true);
  protected readonly counted = signal<ConfirmVoteResponse | null>(null);
  protected readonly error = signal<UiMessage | null>(null);

  constructor() {
    void this.confirm();
  }

  private async confirm(): Promise<void> {
    const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
    if (!token) {
      this.busy.set(false);
      this.error.set({ key: 'results.vote.errors.tokenUnknown' });
      return;
    }
    const outcome = await this.store.confirm(token);
    this.busy.set(false);
    if (outcome.ok) this.counted.set(outcome.response);
    else this.error.set(outcome.error);
  }
}
