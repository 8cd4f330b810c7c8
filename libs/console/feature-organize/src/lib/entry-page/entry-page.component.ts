import { HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormControl, FormGroup, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import { AuthStore } from '@laurel/console-data-access-auth';
import { conflictReasonKey } from '@laurel/console-data-access-judging';
import { type ConflictChanges, EntryCorrections, OrganizeApi } from '@laurel/console-data-access-organize';
import {
  AlertComponent,
  AnswersListComponent,
  type MemberForm,
  MembersEditorComponent,
  StatusChipComponent,
  fillMembers,
  membersValue,
} from '@laurel/console-ui';
import {
  type AttachmentView,
  type ConflictView,
  type ContestView,
  ENTRY_LIMITS,
  type EntryCorrectionRequest,
  type EntryMember,
  type EntryView,
  type JudgeAnswerView,
} from '@laurel/contracts';
import { teamSizeRange } from '@laurel/domain';
import {
  type FieldLabels,
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

// The screening decision's fields by their API names, for a refusal that names them.
const ELIGIBILITY_LABELS: FieldLabels = {
  eligible: 'organize.entry.eligibility.heading',
  reason: 'organize.entry.eligibility.reason',
};

/** Everything an entry holds, its documents, the eligibility decision, and the correction of a submitted entry's organization and team. */
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
    MembersEditorComponent,
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
  private readonly corrections = inject(EntryCorrections);
  private readonly fb = inject(NonNullableFormBuilder);
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

  /** The organization and team of a submitted entry, corrected by the organizer with why (conflicts are checked again). */
  protected readonly correcting = signal(false);
  protected readonly correctionSaving = signal(false);
  protected readonly correctionMessage = signal<{ tone: 'info' | 'error'; text: UiMessage; stale?: boolean } | null>(null);
  protected readonly correctionReasonMissing = signal(false);
  protected readonly correctionInvalid = signal(false);
  /** What the last correction did to the entry's conflicts of interest (`changes` null: the list could not be read). */
  protected readonly correctionConflicts = signal<{ contestId: string; changes: ConflictChanges | null } | null>(null);
  protected readonly correction = new FormGroup({
    organization: new FormControl('', { nonNullable: true }),
    members: this.fb.array<MemberForm>([]),
    reason: new FormControl('', { nonNullable: true }),
  });
  /** The team sizes the contest's rules allow: the members editor adds and removes within them. */
  protected readonly teamRange = computed(() => teamSizeRange(this.contestView()?.eligibilityRules ?? [], 1, ENTRY_LIMITS.members));
  protected readonly teamRuled = computed(() => this.teamRange().min > 1 || this.teamRange().max < ENTRY_LIMITS.members);
  protected readonly limits = ENTRY_LIMITS;

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
      this.saveMessage.set({ tone: 'error', text: toUiMessage(error, {}, ELIGIBILITY_LABELS) });
    } finally {
      this.saving.set(false);
    }
  }

  /** Opens the correction on the entry as loaded; `reason` keeps what the organizer wrote (after a reload). */
  protected openCorrection(reason = ''): void {
    const entry = this.entry();
    this.correction.controls.organization.setValue(entry?.organization ?? '');
    fillMembers(this.correction.controls.members, entry?.members ?? [], this.fb);
    this.correction.controls.reason.setValue(reason);
    this.correction.markAsUntouched();
    this.correctionReasonMissing.set(false);
    this.correctionInvalid.set(false);
    this.correctionMessage.set(null);
    this.correctionConflicts.set(null);
    this.correcting.set(true);
  }

  protected cancelCorrection(): void {
    this.correcting.set(false);
    this.correctionMessage.set(null);
  }

  /** After a stale refusal: the entry as it now is, in the form again, with the reason kept. */
  protected async reloadForCorrection(): Promise<void> {
    const reason = this.correction.controls.reason.value;
    await this.load(this.id());
    if (this.entry()?.status === 'submitted') this.openCorrection(reason);
    else this.correcting.set(false);
  }

  protected async saveCorrection(): Promise<void> {
    const entry = this.entry();
    if (!entry || this.correctionSaving()) return;
    const reason = this.correction.controls.reason.value.trim();
    const members = this.correction.controls.members;
    this.correctionReasonMissing.set(!reason);
    this.correctionInvalid.set(members.invalid);
    if (!reason || members.invalid) {
      this.correction.markAllAsTouched();
      return;
    }
    const organization = this.correction.controls.organization.value.trim() || null;
    const team = membersValue(members);
    const body: EntryCorrectionRequest = {
      version: entry.version,
      reason,
      ...(organization !== (entry.organization ?? null) ? { organization } : {}),
      ...(sameTeam(team, entry.members) ? {} : { members: team }),
    };
    if (body.organization === undefined && body.members === undefined) {
      this.correctionMessage.set({ tone: 'info', text: { key: 'organize.entry.correction.unchanged' } });
      return;
    }
    this.correctionSaving.set(true);
    this.correctionMessage.set(null);
    try {
      const outcome = await this.corrections.correct(entry, body);
      if (!outcome.ok) {
        this.correctionMessage.set({ tone: 'error', text: outcome.message, stale: outcome.stale });
        return;
      }
      this.entry.set(outcome.entry);
      this.correcting.set(false);
      this.correctionMessage.set({ tone: 'info', text: { key: 'organize.entry.correction.saved' } });
      this.correctionConflicts.set({ contestId: entry.contestId, changes: outcome.conflicts });
    } finally {
      this.correctionSaving.set(false);
    }
  }

  /** A conflict's kind as the organizer reads it: a detected one from the dictionary, any other as written. */
  protected conflictReason(conflict: ConflictView): string {
    const key = conflictReasonKey(conflict);
    return key ? this.i18n.t(key) : conflict.reason;
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

/** The same team, member by member, in the same order (as the API compares a correction's team). */
function sameTeam(a: readonly EntryMember[], b: readonly EntryMember[]): boolean {
  const key = (members: readonly EntryMember[]) => JSON.stringify(members.map((m) => [m.name, m.role, m.email ?? null]));
  return key(a) === key(b);
}
