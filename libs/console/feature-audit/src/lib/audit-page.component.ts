import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  MatCell,
  MatCellDef,
  MatColumnDef,
  MatHeaderCell,
  MatHeaderCellDef,
  MatHeaderRow,
  MatHeaderRowDef,
  MatRow,
  MatRowDef,
  MatTable,
} from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import { AuditApi, type AuditFilter } from '@laurel/console-data-access-audit';
import { MyContestsStore } from '@laurel/console-data-access-contests';
import { AlertComponent, EmptyStateComponent } from '@laurel/console-ui';
import {
  I18nService,
  TranslatePipe,
  type TranslationKey,
  type UiMessage,
  UiMessagePipe,
  auditActionKey,
  formatDateTime,
  timeZoneLabel,
  toUiMessage,
} from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';
import { CONTEST_AUDIT_ACTIONS, type AuditEventView, type AuditPageView, type AuditVerificationView } from '@laurel/contracts';
import { nameOf, payloadSummary, subjectKey } from './audit-format';

/** `/audit?contest=…`: a contest's audit trail with filters, and the verification of the hash chain. */
@Component({
  selector: 'laurel-audit-page',
  imports: [
    MatButton,
    MatCard,
    MatCardContent,
    MatFormField,
    MatLabel,
    MatInput,
    MatOption,
    MatSelect,
    MatPaginator,
    MatProgressBar,
    MatTable,
    MatColumnDef,
    MatHeaderCell,
    MatHeaderCellDef,
    MatCell,
    MatCellDef,
    MatHeaderRow,
    MatHeaderRowDef,
    MatRow,
    MatRowDef,
    MatTooltip,
    RouterLink,
    AlertComponent,
    EmptyStateComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  templateUrl: './audit-page.component.html',
  styleUrl: './audit-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPageComponent {
  /** Query parameter. */
  readonly contest = input<string>();

  protected readonly contests = inject(MyContestsStore);
  private readonly api = inject(AuditApi);
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);

  protected readonly actions = CONTEST_AUDIT_ACTIONS;
  protected readonly actionKey = auditActionKey;
  protected readonly subjectKey = subjectKey;
  protected readonly columns = ['time', 'action', 'actor', 'subject', 'details'];

  protected readonly action = signal('');
  protected readonly from = signal('');
  protected readonly to = signal('');
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(25);

  protected readonly result = signal<AuditPageView | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<UiMessage | null>(null);

  protected readonly verification = signal<AuditVerificationView | null>(null);
  protected readonly verifying = signal(false);
  protected readonly verifyError = signal<UiMessage | null>(null);

  protected readonly selectedContest = computed(() => {
    const list = this.contests.contests();
    return this.contests.byId(this.contest() ?? null) ?? (this.contest() ? undefined : list[0]);
  });
  protected readonly hasFilters = computed(() => !!(this.action() || this.from() || this.to()));
  protected readonly zone = computed(() => timeZoneLabel(this.i18n.locale()));
  protected readonly rows = computed(() => {
    const names = this.result()?.names ?? {};
    return (this.result()?.items ?? []).map((event: AuditEventView) => ({
      id: event.id,
      time: formatDateTime(event.occurredAt, this.i18n.locale()),
      iso: event.occurredAt,
      action: event.action,
      actor: event.actorId,
      actorName: nameOf(event.actorId, names),
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      subjectName: nameOf(event.subjectId, names),
      summary: payloadSummary(event.payload, 120, names),
    }));
  });

  private readonly filter = computed<AuditFilter>(() => ({
    page: this.pageIndex() + 1,
    pageSize: this.pageSize(),
    action: this.action() || undefined,
    from: this.from() ? startOfDay(this.from()) : undefined,
    to: this.to() ? startOfDay(this.to(), 1) : undefined,
  }));
  private requestNo = 0;

  constructor() {
    void this.contests.load();
    effect(() => {
      const contestId = this.selectedContest()?.id;
      const filter = this.filter();
      untracked(() => {
        if (contestId) void this.load(contestId, filter);
        else this.result.set(null);
      });
    });
    // A verification speaks of one contest's chain: another contest starts unverified.
    const contestId = computed(() => this.selectedContest()?.id);
    effect(() => {
      contestId();
      untracked(() => {
        this.verification.set(null);
        this.verifyError.set(null);
      });
    });
  }

  private async load(contestId: string, filter: AuditFilter): Promise<void> {
    const no = ++this.requestNo;
    this.loading.set(true);
    this.error.set(null);
    try {
      const page = await firstValueFrom(this.api.page(contestId, filter));
      if (no === this.requestNo) this.result.set(page);
    } catch (error) {
      if (no === this.requestNo) this.error.set(toUiMessage(error));
    } finally {
      if (no === this.requestNo) this.loading.set(false);
    }
  }

  protected chooseContest(contestId: string): void {
    this.pageIndex.set(0);
    void this.router.navigate([], { queryParams: { contest: contestId }, queryParamsHandling: 'merge' });
  }

  protected setAction(value: string): void {
    this.action.set(value);
    this.pageIndex.set(0);
  }

  protected setDate(which: 'from' | 'to', value: string): void {
    (which === 'from' ? this.from : this.to).set(value);
    this.pageIndex.set(0);
  }

  protected clearFilters(): void {
    this.action.set('');
    this.from.set('');
    this.to.set('');
    this.pageIndex.set(0);
  }

  protected changePage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }

  protected reload(): void {
    void this.contests.load();
    const contestId = this.selectedContest()?.id;
    if (contestId) void this.load(contestId, this.filter());
  }

  protected async verify(): Promise<void> {
    const contestId = this.selectedContest()?.id;
    if (!contestId) return;
    this.verifying.set(true);
    this.verifyError.set(null);
    try {
      this.verification.set(await firstValueFrom(this.api.verify(contestId)));
    } catch (error) {
      this.verification.set(null);
      this.verifyError.set(toUiMessage(error));
    } finally {
      this.verifying.set(false);
    }
  }

  protected verifyText(v: AuditVerificationView): string {
    const key: TranslationKey = v.valid ? 'audit.verify.valid' : 'audit.verify.broken';
    return this.i18n.t(key, { count: new Intl.NumberFormat(this.i18n.locale()).format(v.count), id: v.firstBrokenEventId ?? '?' });
  }
}

/** Midnight of a `yyyy-mm-dd` day in the visitor's zone (plus `addDays`), as ISO-8601. */
function startOfDay(day: string, addDays = 0): string {
  // The date inputs give `yyyy-mm-dd`: three numbers.
  const [y = NaN, m = NaN, d = NaN] = day.split('-').map(Number);
  return new Date(y, m - 1, d + addDays).toISOString();
}
