import { HttpErrorResponse } from '@angular/common/http';
import { DestroyRef, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import type { AssignmentDetailView, RubricCriterionView, SaveSheetRequest, SheetView } from '@laurel/contracts';
import { type ScoreValueProblem, missingCriteria, sheetTotal } from '@laurel/domain';
import { type FieldLabels, I18nService, type UiMessage, apiErrorOf, toUiMessage } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';
import { JudgingApi } from './judging.api';
import { formatScoreInput, parseScore } from './score-input';

/** How long typing may pause before a draft is saved. */
export const SAVE_DEBOUNCE_MS = 800;

/** Saved: the server has what is on screen. Dirty: a change waits for its save. Stale: 409. */
export type SaveState = 'saved' | 'dirty' | 'saving' | 'error' | 'stale';

export interface CriterionField {
  criterion: RubricCriterionView;
  /** What is in the input, as typed. */
  raw: string;
  /** The last valid value (null: not scored). */
  value: number | null;
  problem: ScoreValueProblem | null;
  comment: string;
  /** The comment is for the organizers only: never sent to the team. */
  commentInternal: boolean;
}

interface SheetState {
  detail: AssignmentDetailView | null;
  loading: boolean;
  loadError: UiMessage | null;
  fields: Record<string, CriterionField>;
  comment: string;
  commentInternal: boolean;
  version: number;
  sheet: SheetView | null;
  save: SaveState;
  saveError: UiMessage | null;
  busy: boolean;
}

const EMPTY: SheetState = {
  detail: null,
  loading: false,
  loadError: null,
  fields: {},
  comment: '',
  commentInternal: false,
  version: 0,
  sheet: null,
  save: 'saved',
  saveError: null,
  busy: false,
};

// The recusal's field by its API name, for a refusal that names it.
const RECUSE_LABELS: FieldLabels = { reason: 'judging.recuseDialog.reason' };
/**
 * One judge's score sheet while it is on screen: the values as typed, the live total by the
 * domain's `sheetTotal` (the function the API stores), drafts saved as they go with the sheet's
 * version, submit and recuse. Provide it in the scoring page.
 */
@Injectable()
export class ScoreSheetStore {
  private readonly api = inject(JudgingApi);
  private readonly i18n = inject(I18nService);
  private readonly state = signal<SheetState>(EMPTY);
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private loadToken = 0;

  readonly detail = computed(() => this.state().detail);
  readonly loading = computed(() => this.state().loading);
  readonly loadError = computed(() => this.state().loadError);
  readonly sheet = computed(() => this.state().sheet);
  readonly comment = computed(() => this.state().comment);
  readonly commentInternal = computed(() => this.state().commentInternal);
  readonly saveState = computed(() => this.state().save);
  readonly saveError = computed(() => this.state().saveError);
  readonly busy = computed(() => this.state().busy);
  readonly criteria = computed(() => [...(this.state().detail?.round.criteria ?? [])].sort((a, b) => a.order - b.order));
  readonly fields = computed(() => {
    const fields = this.state().fields;
    // Every criterion has its field once the sheet is loaded; none is shown before.
    return this.criteria().flatMap((c) => fields[c.id] ?? []);
  });
  readonly values = computed(() => {
    const values: Record<string, number | null> = {};
    // A field showing an error counts as not scored: the total never includes a value the judge no longer sees.
    for (const field of Object.values(this.state().fields)) values[field.criterion.id] = field.problem ? null : field.value;
    return values;
  });
  /** The weighted total, 0..100, by the same function the API uses. */
  readonly total = computed(() => {
    const sheet = this.state().sheet;
    if (sheet?.status === 'submitted') return sheet.total;
    return sheetTotal(this.criteria(), this.values());
  });
  readonly missing = computed(() => missingCriteria(this.criteria(), this.values()));
  readonly hasProblems = computed(() => this.fields().some((f) => f.problem));
  readonly submitted = computed(() => this.state().sheet?.status === 'submitted');
  readonly recused = computed(() => this.state().detail?.assignment.status === 'recused');
  readonly roundOpen = computed(() => this.state().detail?.round.status === 'open');
  /** Whether the judge may still change the sheet. */
  readonly editable = computed(() => this.roundOpen() && !this.submitted() && !this.recused() && !!this.state().detail);
  readonly canSubmit = computed(
    () => this.editable() && this.missing().length === 0 && !this.hasProblems() && this.state().save !== 'stale',
  );

  constructor() {
    // A language switch rewrites the fields in the new number format ("16,5" ↔ "16.5"); a field
    // showing an error keeps what the judge typed.
    effect(() => {
      const locale = this.i18n.locale();
      untracked(() =>
        this.state.update((s) => {
          const fields: Record<string, CriterionField> = {};
          for (const [id, field] of Object.entries(s.fields))
            fields[id] = field.problem ? field : { ...field, raw: formatScoreInput(field.value, locale) };
          return { ...s, fields };
        }),
      );
    });
    inject(DestroyRef).onDestroy(() => {
      // Leaving the page saves what is pending rather than dropping it.
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = null;
        void this.persist();
      }
    });
  }

  async load(assignmentId: string): Promise<void> {
    await this.flush();
    const token = ++this.loadToken;
    this.state.set({ ...EMPTY, loading: true });
    try {
      const detail = await firstValueFrom(this.api.assignment(assignmentId));
      if (token !== this.loadToken) return;
      this.state.set({ ...EMPTY, ...fromDetail(detail, this.i18n.locale()) });
    } catch (error) {
      if (token !== this.loadToken) return;
      this.state.set({ ...EMPTY, loadError: toUiMessage(error) });
    }
  }

  /** Reads the sheet again (after a 409: what was saved elsewhere wins). */
  async reload(): Promise<void> {
    const id = this.state().detail?.assignment.id;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (id) await this.load(id);
  }

  setValue(criterionId: string, raw: string): void {
    const field = this.state().fields[criterionId];
    if (!field || !this.editable()) return;
    const parsed = parseScore(raw, field.criterion.maxScore);
    const next: CriterionField = parsed.ok
      ? { ...field, raw, value: parsed.value, problem: null }
      : { ...field, raw, problem: parsed.problem };
    this.patchField(next, parsed.ok && parsed.value !== field.value);
  }

  /** A quick button or ↑/↓: a value known to be valid. */
  pick(criterionId: string, value: number): void {
    const field = this.state().fields[criterionId];
    if (!field || !this.editable()) return;
    this.patchField({ ...field, raw: formatScoreInput(value, this.i18n.locale()), value, problem: null }, value !== field.value);
  }

  setCriterionComment(criterionId: string, comment: string): void {
    const field = this.state().fields[criterionId];
    if (!field || !this.editable()) return;
    this.patchField({ ...field, comment }, comment !== field.comment);
  }

  setCriterionCommentInternal(criterionId: string, internal: boolean): void {
    const field = this.state().fields[criterionId];
    if (!field || !this.editable()) return;
    this.patchField({ ...field, commentInternal: internal }, internal !== field.commentInternal);
  }

  setCommentInternal(internal: boolean): void {
    if (!this.editable() || internal === this.state().commentInternal) return;
    this.state.update((s) => ({ ...s, commentInternal: internal }));
    this.schedule();
  }

  setComment(comment: string): void {
    if (!this.editable() || comment === this.state().comment) return;
    this.state.update((s) => ({ ...s, comment }));
    this.schedule();
  }

  /** Saves now whatever waits (before submit, before leaving). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      await this.persist();
    } else if (this.inFlight) {
      await this.inFlight;
    }
  }

  async submit(): Promise<UiMessage | null> {
    const id = this.state().detail?.assignment.id;
    if (!id || !this.canSubmit()) return { key: 'judging.score.cannotSubmit' };
    await this.flush();
    if (this.state().save === 'stale' || this.state().save === 'error') return this.state().saveError ?? { key: 'judging.score.notSaved' };
    this.state.update((s) => ({ ...s, busy: true }));
    try {
      const sheet = await firstValueFrom(this.api.submit(id));
      this.state.update((s) => ({
        ...s,
        busy: false,
        sheet,
        version: sheet.version,
        save: 'saved',
        detail: s.detail ? { ...s.detail, sheet, assignment: { ...s.detail.assignment, status: 'submitted' } } : s.detail,
      }));
      return null;
    } catch (error) {
      this.state.update((s) => ({ ...s, busy: false }));
      return toUiMessage(error);
    }
  }

  async recuse(reason: string): Promise<UiMessage | null> {
    const id = this.state().detail?.assignment.id;
    if (!id) return { key: 'errors.unexpected' };
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.state.update((s) => ({ ...s, busy: true }));
    try {
      const assignment = await firstValueFrom(this.api.recuse(id, { reason }));
      this.state.update((s) => ({ ...s, busy: false, save: 'saved', detail: s.detail ? { ...s.detail, assignment } : s.detail }));
      return null;
    } catch (error) {
      this.state.update((s) => ({ ...s, busy: false }));
      return toUiMessage(error, {}, RECUSE_LABELS);
    }
  }

  private patchField(field: CriterionField, changed: boolean): void {
    this.state.update((s) => ({ ...s, fields: { ...s.fields, [field.criterion.id]: field } }));
    if (changed) this.schedule();
  }

  private schedule(): void {
    if (this.state().save === 'stale') return;
    this.state.update((s) => ({ ...s, save: 'dirty' }));
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.persist();
    }, SAVE_DEBOUNCE_MS);
  }

  private async persist(): Promise<void> {
    // One save at a time, in order: the next one carries the version the previous one returned.
    while (this.inFlight) await this.inFlight;
    const s = this.state();
    const id = s.detail?.assignment.id;
    if (!id || s.save === 'stale') return;
    const body: SaveSheetRequest = {
      scores: Object.values(s.fields)
        .filter((f) => f.value !== null)
        .map((f) =>
          f.comment.trim()
            ? {
                criterionId: f.criterion.id,
                value: f.value as number,
                comment: f.comment.trim(),
                ...(f.commentInternal ? { commentInternal: true } : {}),
              }
            : { criterionId: f.criterion.id, value: f.value as number },
        ),
      version: s.version,
    };
    if (s.comment.trim()) {
      body.comment = s.comment.trim();
      if (s.commentInternal) body.commentInternal = true;
    }
    this.state.update((st) => ({ ...st, save: 'saving', saveError: null }));
    const run = (async () => {
      try {
        const sheet = await firstValueFrom(this.api.saveSheet(id, body));
        this.state.update((st) => ({
          ...st,
          sheet,
          version: sheet.version,
          // A change typed while this save travelled keeps the sheet dirty.
          save: this.timer ? 'dirty' : 'saved',
        }));
      } catch (error) {
        const stale = error instanceof HttpErrorResponse && error.status === 409 && apiErrorOf(error)?.code === 'sheet.stale_version';
        this.state.update((st) => ({ ...st, save: stale ? 'stale' : 'error', saveError: toUiMessage(error) }));
      }
    })();
    this.inFlight = run;
    await run;
    this.inFlight = null;
  }
}

function fromDetail(detail: AssignmentDetailView, locale: string): Partial<SheetState> {
  const fields: Record<string, CriterionField> = {};
  for (const criterion of detail.round.criteria) {
    const score = detail.sheet.scores.find((s) => s.criterionId === criterion.id);
    fields[criterion.id] = {
      criterion,
      raw: formatScoreInput(score?.value, locale),
      value: score?.value ?? null,
      problem: null,
      comment: score?.comment ?? '',
      commentInternal: score?.commentInternal ?? false,
    };
  }
  return {
    detail,
    fields,
    comment: detail.sheet.comment ?? '',
    commentInternal: detail.sheet.commentInternal ?? false,
    version: detail.sheet.version,
    sheet: detail.sheet,
    save: 'saved',
  };
}
