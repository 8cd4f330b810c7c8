import { HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import { AuthStore } from '@laurel/console-data-access-auth';
import { OrganizeApi } from '@laurel/console-data-access-organize';
import { AlertComponent, AnswersListComponent, StatusChipComponent } from '@laurel/console-ui';
import type { AttachmentView, ContestView, EntryView, JudgeAnswerView } from '@laurel/contracts';
import {
  I18nService,
  TranslatePipe,
  type TranslationKey,
  type UiMessage,
  UiMessagePipe,
  fileNameOf,
  formatBytes,
  formatDateTime,
  saveBlob,
  toUiMessage,
} from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';
import { ELIGIBILITY_TONES, eligibilityKey, statusKey } from '../entries-page/entries-page.component';

/** Everything an entry holds, its documents, the eligibility decision, and the correction of a submitted entry's organization. */
@Component({
  selector: 'laurel-entry-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatFormField,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    MatProgressBar,
    MatRadioButton,
    MatRadioGroup,
    AlertComponent,
    AnswersListComponent,
    StatusChipComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  templateUrl: './entry-page.component.html',
  styleUrl: './entry-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EntryPageComponent {
  readonly id = input.required<string>();
  /** `?contest=`, to go back to the same list. */
  readonly contest = input<string>();

  private readonly api = inject(OrganizeApi);
  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18nService);

  protected readonly entry = signal<EntryView | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<UiMessage | null>(null);
  protected readonly saving = signal(false);
  protected readonly saveMessage = signal<{ tone: 'info' | 'error'; text: UiMessage } | null>(null);
  protected readonly downloading = signal<string | null>(null);

  protected readonly verdict = new FormControl<'eligible' | 'ineligible' | null>(null);
  protected readonly reason = new FormControl('', { nonNullable: true });
  protected readonly verdictValue = signal<'eligible' | 'ineligible' | null>(null);
  /** The entry's contest, for the labels of its questions. */
  private readonly contestView = signal<ContestView | null>(null);
  protected readonly checks = computed(() => this.entry()?.eligibilityChecks ?? []);
  protected readonly failedChecks = computed(() => this.checks().filter((c) => !c.passed));
  /** Declaring eligible an entry that fails a rule overrides it: the API wants the reason. */
  protected readonly needsReason = computed(
    () => this.verdictValue() === 'ineligible' || (this.verdictValue() === 'eligible' && this.failedChecks().length > 0),
  );
  protected readonly answers = computed<JudgeAnswerView[]>(() => {
    const entry = this.entry();
    const fields = this.contestView()?.formFields ?? [];
    if (!entry) return [];
    return fields.flatMap((field) => {
      const value = entry.answers?.[field.key];
      return value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
        ? []
        : [{ key: field.key, label: field.label, type: field.type, value }];
    });
  });
  protected readonly reasonMissing = signal(false);

  /** The organization of a submitted entry, corrected by the organizer with why (conflicts are checked again). */
  protected readonly correcting = signal(false);
  protected readonly correctionSaving = signal(false);
  protected readonly correctionMessage = signal<{ tone: 'info' | 'error'; text: UiMessage } | null>(null);
  protected readonly correctionReasonMissing = signal(false);
  protected readonly correction = new FormGroup({
    organization: new FormControl('', { nonNullable: true }),
    reason: new FormControl('', { nonNullable: true }),
  });

  protected readonly statusKey = statusKey;
  protected readonly eligibilityKey = eligibilityKey;
  protected readonly eligibilityTone = ELIGIBILITY_TONES;
  protected readonly backParams = computed(() => (this.contest() ? { contest: this.contest() } : {}));
  protected readonly decision = computed(() => {
    const e = this.entry();
    if (!e || e.eligibility === 'pending' || !e.eligibilityAt) return null;
    const me = this.auth.user()?.id;
    const who =
      e.eligibilityBy && e.eligibilityBy === me
        ? this.i18n.t('organize.entry.eligibility.you')
        : this.i18n.t('organize.entry.eligibility.someone');
    return this.i18n.t('organize.entry.eligibility.decided', {
      verdict: this.i18n.t(eligibilityKey(e.eligibility)),
      who,
      at: formatDateTime(e.eligibilityAt, this.i18n.locale()),
    });
  });
  protected readonly sections: { key: TranslationKey; field: 'summary' | 'problem' | 'solution' | 'market' | 'businessModel' }[] = [
    { key: 'organize.entry.summary', field: 'summary' },
    { key: 'organize.entry.problem', field: 'problem' },
    { key: 'organize.entry.solution', field: 'solution' },
    { key: 'organize.entry.market', field: 'market' },
    { key: 'organize.entry.businessModel', field: 'businessModel' },
  ];

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
    this.verdict.valueChanges.subscribe((v) => {
      this.verdictValue.set(v);
      this.reasonMissing.set(false);
    });
  }

  protected ruleMessage(message: { vi: string; en: string }): string {
    return this.i18n.lang() === 'en' ? message.en : message.vi;
  }

  protected failedList(): string {
    return this.failedChecks()
      .map((c) => this.ruleMessage(c.message))
      .join('; ');
  }

  protected when(iso: string): string {
    return formatDateTime(iso, this.i18n.locale());
  }

  protected kindKey(a: AttachmentView): TranslationKey {
    return `organize.entry.kinds.${a.kind}`;
  }

  protected size(bytes: number): string {
    return formatBytes(bytes, this.i18n.locale());
  }

  protected downloadAttachment(a: AttachmentView): void {
    this.downloading.set(a.id);
    this.api.download(this.api.attachmentPath(a.url)).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.Response && event.body) {
          saveBlob(event.body, fileNameOf(event.headers.get('Content-Disposition'), a.fileName));
          this.downloading.set(null);
        }
      },
      error: (error: unknown) => {
        this.downloading.set(null);
        this.saveMessage.set({ tone: 'error', text: toUiMessage(error) });
      },
    });
  }

  protected async saveEligibility(): Promise<void> {
    const entry = this.entry();
    const verdict = this.verdict.value;
    if (!entry || !verdict) return;
    const reason = this.reason.value.trim();
    if (this.needsReason() && !reason) {
      this.reasonMissing.set(true);
      return;
    }
    this.saving.set(true);
    this.saveMessage.set(null);
    try {
      const next = await firstValueFrom(this.api.setEligibility(entry.id, verdict === 'eligible', reason || null));
      this.entry.set(next);
      this.saveMessage.set({ tone: 'info', text: { key: 'organize.entry.eligibility.saved' } });
    } catch (error) {
      this.saveMessage.set({ tone: 'error', text: toUiMessage(error) });
    } finally {
      this.saving.set(false);
    }
  }

  protected openCorrection(): void {
    this.correction.setValue({ organization: this.entry()?.organization ?? '', reason: '' });
    this.correctionReasonMissing.set(false);
    this.correctionMessage.set(null);
    this.correcting.set(true);
  }

  protected cancelCorrection(): void {
    this.correcting.set(false);
  }

  protected async saveCorrection(): Promise<void> {
    const entry = this.entry();
    if (!entry || this.correctionSaving()) return;
    const reason = this.correction.controls.reason.value.trim();
    if (!reason) {
      this.correctionReasonMissing.set(true);
      return;
    }
    this.correctionReasonMissing.set(false);
    this.correctionSaving.set(true);
    this.correctionMessage.set(null);
    try {
      const organization = this.correction.controls.organization.value.trim() || null;
      const next = await firstValueFrom(this.api.correctEntry(entry.id, { version: entry.version, organization, reason }));
      this.entry.set(next);
      this.correcting.set(false);
      this.correctionMessage.set({ tone: 'info', text: { key: 'organize.entry.correction.saved' } });
    } catch (error) {
      this.correctionMessage.set({ tone: 'error', text: toUiMessage(error) });
    } finally {
      this.correctionSaving.set(false);
    }
  }

  protected retry(): void {
    void this.load(this.id());
  }

  private async load(id: string): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      const entry = await firstValueFrom(this.api.entry(id));
      this.entry.set(entry);
      if (this.contestView()?.id !== entry.contestId) {
        firstValueFrom(this.api.contest(entry.contestId)).then(
          (contest) => this.contestView.set(contest),
          () => this.contestView.set(null),
        );
      }
      const verdict = entry.eligibility === 'pending' ? null : entry.eligibility;
      this.verdict.setValue(verdict);
      this.reason.setValue(entry.eligibilityReason ?? '');
    } catch (error) {
      this.error.set(toUiMessage(error, { 404: 'organize.entry.notFound' }));
    } finally {
      this.loading.set(false);
    }
  }
}
