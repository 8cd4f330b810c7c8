import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ContestStatus, OwnEntryResult, OwnEntryView, PrizeTier } from '@laurel/contracts';
import { MyEntriesStore } from '@laurel/console-data-access-entries';
import {
  AlertComponent,
  ConfirmDialogComponent,
  type ConfirmDialogData,
  EmptyStateComponent,
  StatusChipComponent,
  type StatusTone,
} from '@laurel/console-ui';
import { I18nService, TranslatePipe, type UiMessage, UiMessagePipe, formatDateTime, formatMoney, toUiMessage } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';
import { ELIGIBILITY_TONES, ENTRY_STATUS_TONES, eligibilityKey, entryStatusKey } from '../shared/entry-labels';

const WITHDRAWABLE: readonly ContestStatus[] = ['draft', 'open', 'closed'];

/** "Giải Nhất · 100.000.000 ₫", "Dừng ở vòng Sơ khảo": what the published results mean for the entry. */
function resultLine(
  result: OwnEntryResult,
  locale: string,
  tierName: (tier: PrizeTier) => string,
): { message: UiMessage; tone: StatusTone } {
  switch (result.outcome) {
    case 'awarded': {
      const money = formatMoney(result.amount, result.currency, locale);
      return {
        message: {
          key: money ? 'submit.mine.result.awardedWithAmount' : 'submit.mine.result.awarded',
          params: { tier: result.tier ? tierName(result.tier) : '', amount: money ?? '' },
        },
        tone: 'success',
      };
    }
    case 'finalist':
      return { message: { key: 'submit.mine.result.finalist', params: { round: result.roundName ?? '' } }, tone: 'info' };
    case 'eliminated':
      return { message: { key: 'submit.mine.result.eliminated', params: { round: result.roundName ?? '' } }, tone: 'neutral' };
    case 'ineligible':
      return { message: { key: 'submit.mine.result.ineligible' }, tone: 'warning' };
    default:
      return { message: { key: 'submit.mine.result.notRanked' }, tone: 'neutral' };
  }
}

/** The applicant's entries with their status, and what can be done with each. */
@Component({
  selector: 'laurel-my-entries-page',
  imports: [
    MatButton,
    MatIcon,
    MatProgressBar,
    RouterLink,
    AlertComponent,
    EmptyStateComponent,
    StatusChipComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  templateUrl: './my-entries-page.component.html',
  styleUrl: './my-entries-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyEntriesPageComponent {
  protected readonly store = inject(MyEntriesStore);
  private readonly i18n = inject(I18nService);
  private readonly dialog = inject(MatDialog);

  protected readonly notice = signal<UiMessage | null>(null);
  protected readonly actionError = signal<UiMessage | null>(null);
  protected readonly busy = signal<string | null>(null);

  protected readonly rows = computed(() => {
    const locale = this.i18n.locale();
    return this.store.entries().map((entry) => ({
      entry,
      statusKey: entryStatusKey(entry.status),
      statusTone: ENTRY_STATUS_TONES[entry.status],
      eligibility: entry.eligibility && entry.eligibility !== 'pending' && entry.status === 'submitted' ? entry.eligibility : null,
      updated: formatDateTime(entry.updatedAt, locale),
      submitted: entry.submittedAt ? formatDateTime(entry.submittedAt, locale) : null,
      deadline: formatDateTime(entry.submissionClosesAt, locale),
      // Withdrawing ends when judging starts (the API refuses it then); offering it later is a dead end.
      canWithdraw: entry.status !== 'withdrawn' && WITHDRAWABLE.includes(entry.contestStatus),
      result: entry.result ? resultLine(entry.result, locale, (tier) => this.i18n.t(`submit.tiers.${tier}`)) : null,
    }));
  });
  protected readonly eligibilityKey = eligibilityKey;
  protected readonly eligibilityTones = ELIGIBILITY_TONES;

  constructor() {
    void this.store.load();
  }

  protected retry(): void {
    void this.store.load();
  }

  protected async withdraw(entry: OwnEntryView): Promise<void> {
    const title = entry.title || this.i18n.t('submit.mine.untitled');
    const data: ConfirmDialogData = {
      title: this.i18n.t('submit.mine.withdrawTitle', { title }),
      body: this.i18n.t('submit.mine.withdrawBody'),
      confirm: this.i18n.t('submit.mine.withdrawConfirm'),
      cancel: this.i18n.t('submit.mine.cancel'),
      danger: true,
    };
    const confirmed = await firstValueFrom(this.dialog.open(ConfirmDialogComponent, { data, autoFocus: 'first-tabbable' }).afterClosed());
    if (!confirmed) return;
    this.busy.set(entry.id);
    this.actionError.set(null);
    this.notice.set(null);
    try {
      await this.store.withdraw(entry.id);
      this.notice.set({ key: 'submit.mine.withdrawn', params: { title } });
    } catch (error) {
      this.actionError.set(toUiMessage(error));
    } finally {
      this.busy.set(null);
    }
  }
}
