import { CdkDrag, type CdkDragDrop, CdkDragHandle, CdkDropList } from '@angular/cdk/drag-drop';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  type ContestView,
  ELIGIBILITY_RULE_KINDS,
  type EligibilityRuleKind,
  FORM_FIELD_TYPES,
  type FormField,
  type FormFieldType,
} from '@laurel/contracts';
import { type FieldProblem as DomainProblem, parseEligibilityRules, parseFormFields } from '@laurel/domain';
import { ContestEditorStore, type WriteOutcome } from '@laurel/console-data-access-organize';
import {
  AlertComponent,
  ApplicationFormComponent,
  ConfirmDialogComponent,
  type ConfirmDialogData,
  buildAnswersForm,
  syncAnswersForm,
} from '@laurel/console-ui';
import { I18nService, TranslatePipe, type TranslationKey, type UiMessage, UiMessagePipe } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';
import { type FieldDraft, RULE_FIELD_TYPES, type RuleDraft, fieldDraft, moved, ruleDraft, toFormField, toRule } from './form-drafts';
import { type BuilderProblem, problemMessage } from './form-problems';

/**
 * The contest's own questions and eligibility rules: add, reorder (drag, or the arrow buttons
 * and Alt + arrow keys), edit and remove; the preview is the applicant's own form component.
 * Every input is checked as typed by the domain's readers, the ones the API runs on save.
 */
@Component({
  selector: 'laurel-application-form-editor',
  imports: [
    CdkDrag,
    CdkDragHandle,
    CdkDropList,
    MatButton,
    MatCheckbox,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    AlertComponent,
    ApplicationFormComponent,
    TranslatePipe,
    UiMessagePipe,
  ],
  templateUrl: './application-form-editor.component.html',
  styleUrl: './application-form-editor.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApplicationFormEditorComponent {
  readonly contest = input.required<ContestView>();
  readonly saved = output<WriteOutcome>();

  protected readonly store = inject(ContestEditorStore);
  protected readonly i18n = inject(I18nService);
  private readonly dialog = inject(MatDialog);

  protected readonly types = FORM_FIELD_TYPES;
  protected readonly kinds = ELIGIBILITY_RULE_KINDS;
  protected readonly drafts = signal<FieldDraft[]>([]);
  protected readonly rules = signal<RuleDraft[]>([]);
  protected readonly expanded = signal<number | null>(null);
  protected readonly dirty = signal(false);
  protected readonly outcome = signal<{ tone: 'info' | 'error'; text: UiMessage; problems: readonly BuilderProblem[] } | null>(null);
  protected readonly previewCategory = signal<string | null>(null);

  protected readonly editable = computed(() => ['draft', 'open', 'closed'].includes(this.contest().status));
  protected readonly fields = computed(() => this.drafts().map(toFormField));
  private readonly categoryIds = computed(() => this.contest().categories.map((c) => c.id));
  protected readonly fieldProblems = computed(() => parseFormFields(this.fields(), this.categoryIds()).problems);
  protected readonly ruleProblems = computed(() => parseEligibilityRules(this.rules().map(toRule), this.fields()).problems);
  protected readonly valid = computed(() => this.fieldProblems().length === 0 && this.ruleProblems().length === 0);
  /** Every question that reads well on its own is previewed, so one unfinished question does not blank the preview. */
  protected readonly previewFields = computed(() => {
    const keys = new Set<string>();
    return this.fields().filter((field) => {
      const ok = !keys.has(field.key) && parseFormFields([field], this.categoryIds()).problems.length === 0;
      keys.add(field.key);
      return ok;
    });
  });
  protected readonly previewForm = buildAnswersForm([]);
  protected readonly previewRevision = signal(0);

  constructor() {
    // The contest as saved fills the builder (on load and after each save).
    effect(() => {
      const contest = this.contest();
      untracked(() => {
        if (this.dirty()) return;
        this.drafts.set(contest.formFields.map(fieldDraft));
        this.rules.set(contest.eligibilityRules.map(ruleDraft));
      });
    });
    effect(() => {
      const fields = this.previewFields();
      untracked(() => {
        syncAnswersForm(this.previewForm, fields);
        this.previewRevision.update((n) => n + 1);
      });
    });
  }

  protected label(field: { labelVi: string; labelEn: string; key: string }): string {
    const text = this.i18n.lang() === 'en' ? field.labelEn || field.labelVi : field.labelVi || field.labelEn;
    return text || field.key || this.i18n.t('application.builder.untitled');
  }

  protected typeKey(type: FormFieldType): TranslationKey {
    return `application.types.${type}`;
  }

  protected kindKey(kind: EligibilityRuleKind): TranslationKey {
    return `application.rules.kinds.${kind}`;
  }

  /** Problems of one question or rule (`formFields.2.`), as "what: message" lines. */
  protected problemsOf(prefix: string, index: number): DomainProblem[] {
    const list = prefix === 'formFields' ? this.fieldProblems() : this.ruleProblems();
    return list.filter((p) => p.field === `${prefix}.${index}` || p.field.startsWith(`${prefix}.${index}.`));
  }

  protected problemOf(index: number, property: string): UiMessage | null {
    const problem = this.fieldProblems().find(
      (p) => p.field === `formFields.${index}.${property}` || p.field.startsWith(`formFields.${index}.${property}.`),
    );
    return problem ? problemMessage(problem) : null;
  }

  protected readonly problemMessage = problemMessage;

  // ---- questions

  protected addField(): void {
    const draft = fieldDraft();
    draft.key = `question${this.drafts().length + 1}`;
    this.drafts.update((list) => [...list, draft]);
    this.expanded.set(draft.uid);
    this.dirty.set(true);
  }

  protected removeField(index: number): void {
    this.drafts.update((list) => list.filter((_, i) => i !== index));
    this.dirty.set(true);
  }

  protected patch(index: number, change: Partial<FieldDraft>): void {
    this.drafts.update((list) => list.map((draft, i) => (i === index ? { ...draft, ...change } : draft)));
    this.dirty.set(true);
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected number(event: Event): number | null {
    const value = (event.target as HTMLInputElement).value;
    return value === '' ? null : Number(value);
  }

  protected move(from: number, to: number): void {
    if (to < 0 || to >= this.drafts().length) return;
    this.drafts.update((list) => moved(list, from, to));
    this.dirty.set(true);
  }

  protected drop(event: CdkDragDrop<FieldDraft[]>): void {
    this.move(event.previousIndex, event.currentIndex);
  }

  /** Alt + ↑/↓ on a question's handle moves it, and keeps the focus on it. */
  protected onHandleKey(event: KeyboardEvent, index: number): void {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const to = event.key === 'ArrowUp' ? index - 1 : index + 1;
    const target = event.target as HTMLElement;
    this.move(index, to);
    queueMicrotask(() =>
      target.closest('.questions')?.querySelectorAll<HTMLElement>('.handle')[Math.max(0, Math.min(to, this.drafts().length - 1))]?.focus(),
    );
  }

  protected toggle(uid: number): void {
    this.expanded.update((current) => (current === uid ? null : uid));
  }

  // ---- rules

  protected addRule(): void {
    this.rules.update((list) => [...list, ruleDraft()]);
    this.dirty.set(true);
  }

  protected removeRule(index: number): void {
    this.rules.update((list) => list.filter((_, i) => i !== index));
    this.dirty.set(true);
  }

  protected patchRule(index: number, change: Partial<RuleDraft>): void {
    this.rules.update((list) => list.map((rule, i) => (i === index ? { ...rule, ...change } : rule)));
    this.dirty.set(true);
  }

  protected fieldsFor(kind: EligibilityRuleKind): FormField[] {
    const types = RULE_FIELD_TYPES[kind];
    return this.fields().filter((f) => types.includes(f.type) && f.key);
  }

  protected readsField(kind: EligibilityRuleKind): boolean {
    return RULE_FIELD_TYPES[kind].length > 0;
  }

  protected typesOf(kind: EligibilityRuleKind): string {
    return RULE_FIELD_TYPES[kind].map((t) => this.i18n.t(this.typeKey(t))).join(' / ');
  }

  protected optionsOf(key: string): string[] {
    return this.fields().find((f) => f.key === key)?.options ?? [];
  }

  protected ruleProblemText(index: number): string[] {
    return this.problemsOf('eligibilityRules', index).map(
      (p) => `${p.field.split('.').slice(2).join('.') || this.i18n.t('application.rules.kind')}: ${this.i18n.render(problemMessage(p))}`,
    );
  }

  // ---- saving

  protected async save(): Promise<void> {
    if (!this.valid()) {
      this.outcome.set({ tone: 'error', text: { key: 'application.builder.invalid' }, problems: [] });
      return;
    }
    const contest = this.contest();
    const keys = new Set(this.fields().map((f) => f.key));
    const removed = contest.formLocked ? contest.formFields.filter((f) => !keys.has(f.key)).map((f) => f.key) : [];
    if (removed.length > 0) {
      const data: ConfirmDialogData = {
        title: this.i18n.t('application.builder.confirmRemoveTitle'),
        body: this.i18n.t('application.builder.confirmRemoveBody', { keys: removed.join(', ') }),
        confirm: this.i18n.t('application.builder.confirmRemove'),
        cancel: this.i18n.t('organize.common.cancel'),
      };
      if (!(await firstValueFrom(this.dialog.open(ConfirmDialogComponent, { data }).afterClosed()))) return;
    }
    const outcome = await this.store.update({
      formFields: this.fields(),
      eligibilityRules: this.rules().map(toRule),
      ...(removed.length > 0 ? { confirmRemovedFields: removed } : {}),
    });
    if (outcome.ok) {
      this.dirty.set(false);
      this.drafts.set(this.store.contest()?.formFields.map(fieldDraft) ?? this.drafts());
      this.rules.set(this.store.contest()?.eligibilityRules.map(ruleDraft) ?? this.rules());
      this.outcome.set({ tone: 'info', text: { key: 'application.builder.saved' }, problems: [] });
    } else if (!outcome.stale) {
      this.outcome.set({ tone: 'error', text: outcome.message, problems: outcome.fields ?? [] });
    } else {
      this.outcome.set(null);
    }
    this.saved.emit(outcome);
  }
}
