import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { JudgingApi } from '@laurel/console-data-access-judging';
import type { ContestView, MailStatus, PanelJudgeView, PanelStatus } from '@laurel/contracts';
import { AlertComponent, EmptyStateComponent, StatusChipComponent } from '@laurel/console-ui';
import { type TranslationKey, TranslatePipe, type UiMessage, UiMessagePipe, toUiMessage } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';
import { InviteDialogComponent } from '../dialogs/invite-dialog.component';
import { ProgressStackComponent } from './progress-stack.component';

/** The contest's judges and invitations: organization, expertise, invitation and mail state (with resend), progress. */
@Component({
  selector: 'laurel-panel-tab',
  imports: [
    MatButton,
    MatIcon,
    AlertComponent,
    EmptyStateComponent,
    StatusChipComponent,
    ProgressStackComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  template: `
    @if (notice(); as n) {
      <laurel-alert [tone]="noticeTone()" data-testid="panel-notice">{{ n | uiMessage }}</laurel-alert>
    }
    <div class="tab-head">
      <p class="hint">{{ 'judging.panel.judgesHint' | translate: { n: judges().length } }}</p>
      <button mat-flat-button type="button" (click)="invite()" data-testid="invite-judge">
        <mat-icon svgIcon="account" />
        {{ 'judging.panel.invite.open' | translate }}
      </button>
    </div>
    @if (judges().length === 0) {
      <laurel-empty-state icon="group" [heading]="'judging.panel.noJudges' | translate" [body]="'judging.panel.noJudgesHint' | translate" />
    } @else {
      <div class="table-wrap">
        <table class="grid judges" data-testid="panel-judges">
          <thead>
            <tr>
              <th scope="col">{{ 'judging.panel.col.judge' | translate }}</th>
              <th scope="col">{{ 'judging.panel.col.organization' | translate }}</th>
              <th scope="col">{{ 'judging.panel.col.expertise' | translate }}</th>
              <th scope="col" class="progress-col">{{ 'judging.panel.col.progress' | translate }}</th>
            </tr>
          </thead>
          <tbody>
            @for (j of judges(); track j.judgeId ?? j.invitationId ?? j.email) {
              <tr>
                <td>
                  <div class="name">{{ j.displayName }}</div>
                  <div class="sub">{{ j.email }}</div>
                  <div class="states" data-testid="panel-judge-state">
                    @if (j.status !== 'accepted') {
                      <laurel-status-chip tone="warning">{{ statusKey[j.status] | translate }}</laurel-status-chip>
                    }
                    @if (j.mail && j.status !== 'accepted') {
                      <laurel-status-chip [tone]="j.mail === 'failed' ? 'warning' : j.mail === 'queued' ? 'neutral' : 'success'">{{
                        mailKey[j.mail] | translate
                      }}</laurel-status-chip>
                    }
                    @if (j.invitationId && j.status !== 'accepted') {
                      <button
                        mat-button
                        type="button"
                        (click)="resend(j)"
                        [disabled]="resending() === j.invitationId"
                        data-testid="invite-resend"
                      >
                        {{ 'judging.panel.resend' | translate }}
                      </button>
                    }
                  </div>
                </td>
                <td [attr.data-label]="'judging.panel.col.organization' | translate">{{ j.organization ?? '—' }}</td>
                <td [attr.data-label]="'judging.panel.col.expertise' | translate">
                  <div class="tags">
                    @for (t of j.expertise; track t) {
                      <span class="tag">{{ t }}</span>
                    } @empty {
                      —
                    }
                  </div>
                </td>
                <td [attr.data-label]="'judging.panel.col.progress' | translate"><laurel-progress-stack [progress]="j.progress" /></td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styleUrl: './tabs.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PanelTabComponent {
  readonly contest = input.required<ContestView>();
  readonly judges = input.required<PanelJudgeView[]>();
  readonly changed = output<void>();
  private readonly dialog = inject(MatDialog);
  private readonly api = inject(JudgingApi);
  protected readonly resending = signal<string | null>(null);
  protected readonly notice = signal<UiMessage | null>(null);
  protected readonly noticeTone = signal<'info' | 'error'>('info');
  protected readonly statusKey: Record<PanelStatus, TranslationKey> = {
    pending: 'judging.panel.status.pending',
    accepted: 'judging.panel.status.accepted',
    declined: 'judging.panel.status.declined',
    expired: 'judging.panel.status.expired',
  };
  protected readonly mailKey: Record<MailStatus, TranslationKey> = {
    queued: 'judging.panel.mail.queued',
    sent: 'judging.panel.mail.sent',
    failed: 'judging.panel.mail.failed',
    captured: 'judging.panel.mail.captured',
  };

  /** Mails the invitation again with a new link; the old link stops working. */
  protected async resend(judge: PanelJudgeView): Promise<void> {
    if (!judge.invitationId) return;
    this.resending.set(judge.invitationId);
    try {
      await firstValueFrom(this.api.resendInvitation(judge.invitationId));
      this.noticeTone.set('info');
      this.notice.set({ key: 'judging.panel.resent', params: { email: judge.email } });
      this.changed.emit();
    } catch (error) {
      this.noticeTone.set('error');
      this.notice.set(toUiMessage(error));
    } finally {
      this.resending.set(null);
    }
  }

  protected async invite(): Promise<void> {
    const ref = this.dialog.open(InviteDialogComponent, { data: { contestId: this.contest().id }, width: '560px', maxWidth: '95vw' });
    if (await firstValueFrom(ref.afterClosed())) this.changed.emit();
  }
}
