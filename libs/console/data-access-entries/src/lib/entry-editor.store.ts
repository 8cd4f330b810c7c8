import { HttpErrorResponse, HttpEventType } from '@angular/common/http';
import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { type FieldLabels, type UiMessage, apiErrorOf, toUiMessage } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';
import { EntriesApi } from './entries.api';
import type { ApiFieldProblem, AttachmentKind, EntryFieldsRequest, EntryView } from '@laurel/contracts';

/** What the "Saved at 10:42 / Saving… / Not saved" line says. */
export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'conflict';

/** A file on its way up: shown with its progress until the API answers. */
export interface UploadProgress {
  id: number;
  kind: AttachmentKind;
  fileName: string;
  size: number;
  /** 0–100, or null while the size is unknown. */
  percent: number | null;
  error: UiMessage | null;
  /** What the person can do about the refusal (413, 415). */
  status: number | null;
}

/** A field the API says is missing before submission (`422 entry.incomplete`). */
export type MissingField = ApiFieldProblem;

/** Wait this long after the last keystroke before saving: one PATCH per pause, not per key. */
export const AUTOSAVE_DELAY_MS = 800;

// The editor's fields by their API names, for a refusal of a save that names them.
const ENTRY_LABELS: FieldLabels = {
  title: 'submit.editor.project.title',
  summary: 'submit.editor.project.summary',
  problem: 'submit.editor.project.problem',
  solution: 'submit.editor.project.solution',
  market: 'submit.editor.project.market',
  businessModel: 'submit.editor.project.businessModel',
  teamName: 'submit.editor.team.teamName',
  organization: 'submit.editor.team.organization',
  members: 'submit.editor.team.members',
  'members.*.name': 'submit.editor.team.memberName',
  'members.*.role': 'submit.editor.team.memberRole',
  'members.*.email': 'submit.editor.team.memberEmail',
  categoryId: 'submit.editor.category.label',
  videoUrl: 'submit.editor.video.label',
};

/**
 * One entry being edited: loading, debounced versioned saves, uploads, submit and withdraw.
 * Provided by the page, so each open entry has its own.
 */
@Injectable()
export class EntryEditorStore {
  private readonly api = inject(EntriesApi);
  private readonly entryState = signal<EntryView | null>(null);
  private readonly loadState = signal<{ loading: boolean; error: UiMessage | null; status: number | null }>({
    loading: false,
    error: null,
    status: null,
  });
  private readonly saveState = signal<SaveState>('idle');
  private readonly saveErrorState = signal<UiMessage | null>(null);
  private readonly savedAtState = signal<Date | null>(null);
  private readonly revisionState = signal(0);
  private readonly uploadsState = signal<readonly UploadProgress[]>([]);
  private readonly missingState = signal<readonly MissingField[]>([]);
  private readonly ineligibleState = signal<readonly MissingField[]>([]);

  private pending: EntryFieldsRequest = {};
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private nextUploadId = 1;

  readonly entry = this.entryState.asReadonly();
  readonly loading = computed(() => this.loadState().loading);
  readonly loadError = computed(() => this.loadState().error);
  readonly loadErrorStatus = computed(() => this.loadState().status);
  readonly saveStatus = this.saveState.asReadonly();
  readonly saveError = this.saveErrorState.asReadonly();
  readonly savedAt = this.savedAtState.asReadonly();
  /** Goes up each time the server copy replaces what the form shows (load, reload). */
  readonly revision = this.revisionState.asReadonly();
  readonly uploads = this.uploadsState.asReadonly();
  readonly missing = this.missingState.asReadonly();
  /** Rules the entry failed on its last submission (`422 entry.ineligible`), field `eligibilityRules.<ruleId>`. */
  readonly ineligible = this.ineligibleState.asReadonly();
  readonly editable = computed(() => this.entry()?.status === 'draft' && this.saveState() !== 'conflict');

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      // Leaving the page keeps what was typed: the last pause's change goes out at once.
      if (this.timer) void this.flush();
    });
  }

  async load(id: string): Promise<void> {
    this.loadState.set({ loading: true, error: null, status: null });
    try {
      this.replace(await firstValueFrom(this.api.get(id)));
      this.loadState.set({ loading: false, error: null, status: null });
    } catch (error) {
      this.loadState.set({ loading: false, error: toUiMessage(error), status: error instanceof HttpErrorResponse ? error.status : null });
    }
  }

  /** Throws away unsaved changes and shows the server copy (after a 409, or on request). */
  async reload(): Promise<void> {
    const id = this.entry()?.id;
    if (!id) return;
    this.cancelTimer();
    this.pending = {};
    this.saveErrorState.set(null);
    this.saveState.set('idle');
    await this.load(id);
  }

  /** Queues a change; it is sent when typing pauses. */
  change(fields: EntryFieldsRequest): void {
    if (!this.editable()) return;
    this.pending = mergeFields(this.pending, fields);
    this.saveState.set('pending');
    this.cancelTimer();
    this.timer = setTimeout(() => void this.flush(), AUTOSAVE_DELAY_MS);
  }

  /** Sends what is queued now (before submitting, or when a step is left). */
  async flush(): Promise<void> {
    this.cancelTimer();
    if (this.inFlight) await this.inFlight;
    const entry = this.entry();
    if (!entry || Object.keys(this.pending).length === 0 || this.saveState() === 'conflict') return;
    const change = this.pending;
    this.pending = {};
    this.saveState.set('saving');
    this.inFlight = this.send(entry, change);
    try {
      await this.inFlight;
    } finally {
      this.inFlight = null;
    }
    // Typing during the request queued more; without a timer waiting for it, send it now.
    if (Object.keys(this.pending).length > 0 && !this.timer && this.saveState() === 'pending') await this.flush();
  }

  private async send(entry: EntryView, change: EntryFieldsRequest): Promise<void> {
    try {
      const saved = await firstValueFrom(this.api.update(entry.id, { ...change, version: entry.version }));
      // Only the version and the server's bookkeeping are taken: the form may hold newer typing.
      this.entryState.update((current) => (current ? { ...current, ...saved, attachments: current.attachments } : saved));
      this.savedAtState.set(new Date());
      this.saveErrorState.set(null);
      this.saveState.set(Object.keys(this.pending).length > 0 ? 'pending' : 'saved');
    } catch (error) {
      const api = apiErrorOf(error);
      if (api?.code === 'entry.stale_version') {
        this.saveState.set('conflict');
        return;
      }
      // A lost connection or a server fault: kept for the next try, newer typing winning. A
      // refusal (400, 409, 422) is not retried: it would fail again until the person changes it.
      const status = error instanceof HttpErrorResponse ? error.status : 0;
      if (status === 0 || status >= 500) this.pending = mergeFields(change, this.pending);
      this.saveErrorState.set(
        api?.code === 'entry.category_taken' ? { key: 'submit.editor.category.taken' } : toUiMessage(error, {}, ENTRY_LABELS),
      );
      this.saveState.set('error');
      if (api?.code === 'entry.read_only') await this.load(entry.id);
    }
  }

  async submit(): Promise<EntryView | null> {
    await this.flush();
    const entry = this.entry();
    if (!entry || this.saveState() === 'conflict' || this.saveState() === 'error') return null;
    this.missingState.set([]);
    this.ineligibleState.set([]);
    try {
      const submitted = await firstValueFrom(this.api.submit(entry.id, entry.version));
      this.entryState.update((current) => ({ ...submitted, attachments: submitted.attachments ?? current?.attachments ?? [] }));
      return submitted;
    } catch (error) {
      const api = apiErrorOf(error);
      if (api?.code === 'entry.stale_version') {
        this.saveState.set('conflict');
        return null;
      }
      if (api?.code === 'entry.incomplete' && api.fields?.length) {
        this.missingState.set(api.fields);
        return null;
      }
      if (api?.code === 'entry.ineligible' && api.fields?.length) {
        this.ineligibleState.set(api.fields);
        return null;
      }
      throw error;
    }
  }

  async withdraw(): Promise<void> {
    const entry = this.entry();
    if (!entry) return;
    this.replace(await firstValueFrom(this.api.withdraw(entry.id)));
  }

  async upload(kind: AttachmentKind, file: File): Promise<void> {
    const entry = this.entry();
    if (!entry) return;
    const id = this.nextUploadId++;
    const progress: UploadProgress = { id, kind, fileName: file.name, size: file.size, percent: 0, error: null, status: null };
    this.uploadsState.update((list) => [...list, progress]);
    const patch = (change: Partial<UploadProgress>) =>
      this.uploadsState.update((list) => list.map((u) => (u.id === id ? { ...u, ...change } : u)));
    try {
      await new Promise<void>((resolve, reject) => {
        this.api.upload(entry.id, file, kind).subscribe({
          next: (event) => {
            if (event.type === HttpEventType.UploadProgress) {
              patch({ percent: event.total ? Math.round((100 * event.loaded) / event.total) : null });
            } else if (event.type === HttpEventType.Response && event.body) {
              const attachment = event.body;
              this.entryState.update((current) => (current ? { ...current, attachments: [...current.attachments, attachment] } : current));
              this.uploadsState.update((list) => list.filter((u) => u.id !== id));
            }
          },
          error: reject,
          complete: resolve,
        });
      });
    } catch (error) {
      patch({ error: toUiMessage(error), status: error instanceof HttpErrorResponse ? error.status : null, percent: null });
    }
  }

  /** A file refused before sending (too large for the limit): shown like the API's refusal. */
  refuse(kind: AttachmentKind, file: File, status: number): void {
    const id = this.nextUploadId++;
    this.uploadsState.update((list) => [
      ...list,
      { id, kind, fileName: file.name, size: file.size, percent: null, error: { key: 'errors.unexpected' }, status },
    ]);
  }

  /** Sends again what a failed save kept. */
  retry(): void {
    void this.flush();
  }

  dismissUpload(id: number): void {
    this.uploadsState.update((list) => list.filter((u) => u.id !== id));
  }

  /** Throws the API's refusal for the caller to show. */
  async removeAttachment(attachmentId: string): Promise<void> {
    const entry = this.entry();
    if (!entry) return;
    await firstValueFrom(this.api.removeAttachment(entry.id, attachmentId));
    this.entryState.update((current) =>
      current ? { ...current, attachments: current.attachments.filter((a) => a.id !== attachmentId) } : current,
    );
  }

  download(attachmentId: string): Promise<Blob> {
    const entry = this.entry();
    if (!entry) return Promise.reject(new Error('no entry'));
    return firstValueFrom(this.api.download(entry.id, attachmentId));
  }

  private replace(entry: EntryView): void {
    this.entryState.set(entry);
    this.revisionState.update((n) => n + 1);
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

/** `later` over `earlier`; answers merge key by key, as the API merges them. */
function mergeFields(earlier: EntryFieldsRequest, later: EntryFieldsRequest): EntryFieldsRequest {
  const merged: EntryFieldsRequest = { ...earlier, ...later };
  if (earlier.answers && later.answers) merged.answers = { ...earlier.answers, ...later.answers };
  return merged;
}
