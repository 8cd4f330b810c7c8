import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MAIL_STATUSES, type MailStatus, type OutboxMailView, type OutboxPage } from '@laurel/contracts';
import { AccountApi } from '@laurel/console-data-access-auth';
import { AlertComponent, EmptyStateComponent, StatusChipComponent, type StatusTone } from '@laurel/console-ui';
import {
  I18nService,
  TranslatePipe,
  type UiMessage,
  UiMessagePipe,
  apiErrorOf,
  formatDateTime,
  timeZoneLabel,
  toUiMessage,
} from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';

const PAGE_SIZE = 20;

const TONES: Record<MailStatus, StatusTone> = { queued: 'info', sent: 'success', failed: 'warning', captured: 'neutral' };

/**
 * `/admin/mail`, the admin's outbox: every message Laurel wrote with its state, attempts and last
 * error; the text of captured and undelivered mail (sent mail keeps none: it held single-use
 * links); a failed message can be sent again.
 */
@Component({
  selector: 'laurel-mailbox-page',
  imports: [
    MatButton,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    AlertComponent,
    EmptyStateComponent,
    StatusChipComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  templateUrl: './mailbox-page.component.html',
  styleUrl: './mailbox-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MailboxPageComponent {
  private readonly api = inject(AccountApi);
  private readonly i18n = inject(I18nService);

  protected readonly statuses = MAIL_STATUSES;
  protected readonly tones = TONES;
  protected readonly status = signal<MailStatus | ''>('');
  protected readonly to = signal('');
  protected readonly pageNumber = signal(1);
  protected readonly result = signal<OutboxPage | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<UiMessage | null>(null);
  protected readonly notice = signal<UiMessage | null>(null);
  protected readonly open = signal<ReadonlySet<string>>(new Set());
  protected readonly retrying = signal<string | null>(null);
  protected readonly pages = computed(() => Math.max(1, Math.ceil((this.result()?.total ?? 0) / PAGE_SIZE)));
  protected readonly zone = computed(() => timeZoneLabel(this.i18n.locale()));
  private searchTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    void this.load();
  }

  protected time(iso: string): string {
    return formatDateTime(iso, this.i18n.locale());
  }

  protected statusKey(status: MailStatus) {
    return `account.mailbox.statuses.${status}` as const;
  }

  protected setStatus(status: MailStatus | ''): void {
    this.status.set(status);
    this.pageNumber.set(1);
    void this.load();
  }

  protected setTo(value: string): void {
    this.to.set(value);
    if (this.searchTimer) clearTimeout(this.searchTimer);
    // One request once the admin stops typing, not one per key.
    this.searchTimer = setTimeout(() => {
      this.pageNumber.set(1);
      void this.load();
    }, 300);
  }

  protected goTo(page: number): void {
    this.pageNumber.set(page);
    void this.load();
  }

  protected toggle(id: string): void {
    this.open.update((ids) => {
      const next = new Set(ids);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }

  protected async retry(mail: OutboxMailView): Promise<void> {
    if (this.retrying()) return;
    this.retrying.set(mail.id);
    this.notice.set(null);
    this.error.set(null);
    try {
      await firstValueFrom(this.api.retryMail(mail.id));
      this.notice.set({ key: 'account.mailbox.retried' });
    } catch (error) {
      if (apiErrorOf(error)?.code === 'mail.not_failed') this.notice.set({ key: 'account.mailbox.notFailed' });
      else this.error.set(toUiMessage(error));
    } finally {
      this.retrying.set(null);
    }
    await this.load();
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const status = this.status();
      const to = this.to().trim();
      this.result.set(
        await firstValueFrom(
          this.api.outbox({ page: this.pageNumber(), pageSize: PAGE_SIZE, ...(status ? { status } : {}), ...(to ? { to } : {}) }),
        ),
      );
    } catch (error) {
      this.error.set(toUiMessage(error));
    } finally {
      this.loading.set(false);
    }
  }
}
