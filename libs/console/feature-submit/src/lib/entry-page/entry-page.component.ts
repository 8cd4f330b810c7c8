import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatStep, MatStepLabel, MatStepper, MatStepperIcon, MatStepperNext, MatStepperPrevious } from '@angular/material/stepper';
import { RouterLink } from '@angular/router';
import {
  ATTACHMENT_KINDS,
  type AnswerValue,
  type AttachmentKind,
  type AttachmentView,
  type ContestView,
  ENTRY_LIMITS,
  type EntryFieldsRequest,
} from '@laurel/contracts';
import { ACCEPTED_UPLOADS, EntriesApi, EntryEditorStore, type UploadProgress } from '@laurel/console-data-access-entries';
import {
  AlertComponent,
  ApplicationFormComponent,
  ConfirmDialogComponent,
  type ConfirmDialogData,
  MembersEditorComponent,
  StatusChipComponent,
  buildAnswersForm,
  savableAnswers,
  syncAnswersForm,
  unansweredRequired,
} from '@laurel/console-ui';
import {
  I18nService,
  TranslatePipe,
  type TranslationKey,
  type UiMessage,
  UiMessagePipe,
  formatBytes,
  formatDateTime,
  saveBlob,
  toUiMessage,
} from '@laurel/console-util';
import { firstValueFrom, map } from 'rxjs';
import { ENTRY_STATUS_TONES, attachmentKindKey, entryStatusKey, formatTime } from '../shared/entry-labels';
import {
  STEPS,
  TEXT_FIELDS,
  type TextField,
  buildEntryForm,
  changedFields,
  fillForm,
  missingForSubmission,
  savableFields,
  stepOfField,
} from './entry-form';

/** An entry in a Material stepper: saved as the applicant types, submitted from the last step. */
@Component({
  selector: 'laurel-entry-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatProgressBar,
    MatRadioButton,
    MatRadioGroup,
    MatStep,
    MatStepLabel,
    MatStepper,
    MatStepperIcon,
    MatStepperNext,
    MatStepperPrevious,
    AlertComponent,
    ApplicationFormComponent,
    MembersEditorComponent,
    StatusChipComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  providers: [EntryEditorStore],
  templateUrl: './entry-page.component.html',
  styleUrl: './entry-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EntryPageComponent {
  /** From the route. */
  readonly id = input.required<string>();

  protected readonly store = inject(EntryEditorStore);
  private readonly api = inject(EntriesApi);
  private readonly i18n = inject(I18nService);
  private readonly dialog = inject(MatDialog);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly form = buildEntryForm(this.fb);
  protected readonly limits = ENTRY_LIMITS;
  protected readonly textFields = TEXT_FIELDS;
  protected readonly kinds = ATTACHMENT_KINDS;
  protected readonly accepted = ACCEPTED_UPLOADS;
  /** The contest's own questions, and the answers to them (saved like the rest of the entry). */
  protected readonly formFields = computed(() => this.contest()?.formFields ?? []);
  protected readonly answersForm = buildAnswersForm([]);
  protected readonly answersRevision = signal(0);
  private answersBaseline: Record<string, AnswerValue | null> = {};
  private formHeld = false;
  private answersHeld = false;
  protected readonly steps = computed(() => STEPS.filter((step) => step !== 'questions' || this.formFields().length > 0));
  protected readonly categoryId = computed(() => {
    this.formTick();
    return this.form.controls.categoryId.value;
  });
  /** The rules the last submission failed, in the reader's language (the contest's own messages). */
  protected readonly failedRules = computed(() => {
    const rules = this.contest()?.eligibilityRules ?? [];
    const language = this.i18n.lang();
    return this.store.ineligible().map((problem) => {
      const rule = rules.find((r) => `eligibilityRules.${r.id}` === problem.field);
      return rule ? rule.message[language] : problem.message;
    });
  });
  protected readonly contest = signal<ContestView | null>(null);
  protected readonly step = signal(0);
  /** Something typed is invalid and stays unsaved until corrected. */
  protected readonly held = signal(false);
  protected readonly submitting = signal(false);
  protected readonly submitError = signal<UiMessage | null>(null);
  protected readonly attachmentError = signal<UiMessage | null>(null);
  /** The form holds the server copy: until then typing would be overwritten, so it is not shown. */
  protected readonly formReady = signal(false);
  /** Bumped on each form change so that computeds reading the form rerun. */
  private readonly formTick = signal(0);
  private baseline: EntryFieldsRequest = {};

  protected readonly vertical = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 899px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly entry = this.store.entry;
  protected readonly readOnly = computed(() => !this.store.editable());
  protected readonly statusKey = computed(() => {
    const e = this.entry();
    return e ? entryStatusKey(e.status) : null;
  });
  protected readonly statusTone = computed(() => ENTRY_STATUS_TONES[this.entry()?.status ?? 'draft']);
  protected readonly submittedAt = computed(() => {
    const e = this.entry();
    return e?.submittedAt ? formatDateTime(e.submittedAt, this.i18n.locale()) : '';
  });
  protected readonly saveLine = computed<{ key: TranslationKey; params?: Record<string, string>; tone: 'ok' | 'busy' | 'bad' }>(() => {
    const status = this.store.saveStatus();
    const at = this.store.savedAt();
    if (status === 'saving') return { key: 'submit.editor.save.saving', tone: 'busy' };
    if (status === 'pending') return { key: 'submit.editor.save.pending', tone: 'busy' };
    if (status === 'error' || status === 'conflict') return { key: 'submit.editor.save.error', tone: 'bad' };
    if (this.held()) return { key: 'submit.editor.save.held', tone: 'bad' };
    if (status === 'saved' && at)
      return { key: 'submit.editor.save.saved', params: { time: formatTime(at, this.i18n.locale()) }, tone: 'ok' };
    return { key: 'submit.editor.save.idle', tone: 'ok' };
  });
  protected readonly attachmentsByKind = computed(() => {
    const list = this.entry()?.attachments ?? [];
    return Object.fromEntries(ATTACHMENT_KINDS.map((kind) => [kind, list.filter((a) => a.kind === kind)])) as Record<
      AttachmentKind,
      AttachmentView[]
    >;
  });
  protected readonly uploadsByKind = computed(() => {
    const list = this.store.uploads();
    return Object.fromEntries(ATTACHMENT_KINDS.map((kind) => [kind, list.filter((u) => u.kind === kind)])) as Record<
      AttachmentKind,
      UploadProgress[]
    >;
  });
  protected readonly missing = computed(() => {
    this.formTick();
    const contest = this.contest();
    this.answersRevision();
    const required = unansweredRequired(this.answersForm, this.formFields(), this.form.controls.categoryId.value).map(
      (f) => `answers.${f.key}`,
    );
    return [...missingForSubmission(this.form, this.entry()?.attachments ?? [], contest?.requirePitchDeck ?? true), ...required];
  });
  protected readonly uploadLimit = computed(() => formatBytes(ENTRY_LIMITS.uploadBytes, this.i18n.locale()));

  constructor() {
    effect(() => void this.store.load(this.id()));

    // Each time the server copy arrives (load, reload), the form shows it.
    effect(() => {
      this.store.revision();
      const entry = untracked(() => this.store.entry());
      if (!entry) return;
      untracked(() => {
        fillForm(this.form, entry, this.fb);
        this.baseline = savableFields(this.form).fields;
        this.held.set(false);
        if (entry.status === 'draft') this.form.enable({ emitEvent: false });
        else this.form.disable({ emitEvent: false });
        this.fillAnswers();
        this.formTick.update((n) => n + 1);
        this.formReady.set(true);
        if (this.contest()?.id !== entry.contestId) void this.loadContest(entry.contestId);
      });
    });

    // A conflict freezes the form until the server copy is reloaded.
    effect(() => {
      if (this.store.saveStatus() === 'conflict') untracked(() => this.form.disable({ emitEvent: false }));
    });

    // The questions arrive with the contest, after the entry: show the stored answers then.
    effect(() => {
      this.formFields();
      untracked(() => this.fillAnswers());
    });

    const destroyRef = inject(DestroyRef);
    this.form.valueChanges.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => this.onFormChange());
    this.answersForm.valueChanges.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => this.onAnswersChange());
  }

  private fillAnswers(): void {
    const entry = this.store.entry();
    if (!entry) return;
    syncAnswersForm(this.answersForm, this.formFields(), entry.answers ?? {}, true);
    if (entry.status === 'draft') this.answersForm.enable({ emitEvent: false });
    else this.answersForm.disable({ emitEvent: false });
    this.answersBaseline = savableAnswers(this.answersForm, this.formFields()).answers;
    this.answersHeld = false;
    this.answersRevision.update((n) => n + 1);
  }

  private onAnswersChange(): void {
    this.answersRevision.update((n) => n + 1);
    if (!this.store.editable()) return;
    const { answers, held } = savableAnswers(this.answersForm, this.formFields());
    this.answersHeld = held;
    this.held.set(this.formHeld || held);
    const changed = Object.fromEntries(
      Object.entries(answers).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(this.answersBaseline[key] ?? null)),
    );
    if (Object.keys(changed).length === 0) return;
    this.answersBaseline = { ...this.answersBaseline, ...changed };
    this.store.change({ answers: changed });
  }

  private onFormChange(): void {
    this.formTick.update((n) => n + 1);
    if (!this.store.editable()) return;
    const { fields, held } = savableFields(this.form);
    this.formHeld = held;
    this.held.set(held || this.answersHeld);
    const change = changedFields(this.baseline, fields);
    if (Object.keys(change).length === 0) return;
    this.baseline = { ...this.baseline, ...change };
    this.store.change(change);
  }

  private async loadContest(id: string): Promise<void> {
    try {
      this.contest.set(await firstValueFrom(this.api.contest(id)));
    } catch {
      // The category step says it cannot list them; the rest of the entry still works.
      this.contest.set(null);
    }
  }

  protected counter(field: TextField | 'teamName' | 'organization' | 'videoUrl'): string {
    const max =
      field === 'title'
        ? ENTRY_LIMITS.title
        : field === 'teamName'
          ? ENTRY_LIMITS.teamName
          : field === 'organization'
            ? ENTRY_LIMITS.organization
            : field === 'videoUrl'
              ? ENTRY_LIMITS.videoUrl
              : ENTRY_LIMITS.longText;
    return this.i18n.t('submit.editor.counter', { count: this.form.controls[field].value.length, max });
  }

  protected fieldLabel(field: TextField): TranslationKey {
    return `submit.editor.project.${field}`;
  }

  /** What the review step lists as missing: a question's own label, or the entry field's name. */
  protected missingText(field: string): string {
    if (field.startsWith('answers.')) {
      const question = this.formFields().find((f) => `answers.${f.key}` === field);
      return question ? (this.i18n.lang() === 'en' ? question.label.en : question.label.vi) : field.slice('answers.'.length);
    }
    return this.i18n.t(this.missingLabel(field));
  }

  protected missingLabel(field: string): TranslationKey {
    const known = [
      'title',
      'teamName',
      'summary',
      'problem',
      'solution',
      'market',
      'businessModel',
      'categoryId',
      'members',
      'pitchDeck',
      'videoUrl',
      'organization',
    ];
    const [base = field] = field.split('.');
    return (known.includes(base) ? `submit.editor.fields.${base}` : 'submit.editor.fields.title') as TranslationKey;
  }

  protected goToField(field: string): void {
    this.step.set(stepOfField(field, this.steps()));
  }

  protected onStepChange(index: number): void {
    this.step.set(index);
    // Leaving a step saves what it holds at once rather than after the pause.
    void this.store.flush();
  }

  protected kindKey(kind: AttachmentKind): TranslationKey {
    return attachmentKindKey(kind);
  }

  protected size(bytes: number): string {
    return formatBytes(bytes, this.i18n.locale());
  }

  protected async upload(kind: AttachmentKind, input: HTMLInputElement): Promise<void> {
    const files = Array.from(input.files ?? []);
    input.value = '';
    for (const file of files) {
      if (file.size > ENTRY_LIMITS.uploadBytes) this.store.refuse(kind, file, 413);
      else await this.store.upload(kind, file);
    }
  }

  protected uploadMessage(upload: UploadProgress): string {
    const name = upload.fileName;
    if (upload.status === 413) return this.i18n.t('submit.editor.documents.tooLarge', { name, size: this.uploadLimit() });
    if (upload.status === 415) return this.i18n.t('submit.editor.documents.unsupported', { name });
    return this.i18n.t('submit.editor.documents.failed', { name, reason: upload.error ? this.i18n.render(upload.error) : '' });
  }

  protected async removeAttachment(attachment: AttachmentView): Promise<void> {
    this.attachmentError.set(null);
    try {
      await this.store.removeAttachment(attachment.id);
    } catch (error) {
      this.attachmentError.set(toUiMessage(error));
    }
  }

  protected async download(attachment: AttachmentView): Promise<void> {
    this.attachmentError.set(null);
    try {
      saveBlob(await this.store.download(attachment.id), attachment.fileName);
    } catch (error) {
      this.attachmentError.set(toUiMessage(error));
    }
  }

  protected async submit(): Promise<void> {
    if (this.submitting()) return;
    const data: ConfirmDialogData = {
      title: this.i18n.t('submit.editor.review.confirmTitle'),
      body: this.i18n.t('submit.editor.review.confirmBody'),
      confirm: this.i18n.t('submit.editor.review.confirm'),
      cancel: this.i18n.t('submit.editor.review.cancel'),
    };
    const confirmed = await firstValueFrom(this.dialog.open(ConfirmDialogComponent, { data }).afterClosed());
    if (!confirmed) return;
    this.submitting.set(true);
    this.submitError.set(null);
    try {
      const submitted = await this.store.submit();
      if (submitted) this.form.disable({ emitEvent: false });
    } catch (error) {
      this.submitError.set(toUiMessage(error));
    } finally {
      this.submitting.set(false);
    }
  }

  protected reload(): void {
    void this.store.reload();
  }
}
