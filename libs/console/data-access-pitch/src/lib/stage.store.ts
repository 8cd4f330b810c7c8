import { DOCUMENT } from '@angular/common';
import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { JudgeStageView, MyStageView, RunSheetSlotInput, RunSheetSlotView, StageActionRequest, StageView } from '@laurel/contracts';
import { type StageClock, stageClock } from '@laurel/domain';
import { type FieldLabels, type UiMessage, apiErrorOf, fieldProblemMessage, toUiMessage } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';
import { PitchApi } from './pitch.api';

export type StageConnection = 'connecting' | 'live' | 'reconnecting' | 'failed';
export type StageSlot = RunSheetSlotView;

/** Waits between reconnection attempts: quick, since a stage moves on within minutes. */
const BACKOFF_MS = [500, 1_000, 2_000, 3_000, 5_000];
/** How often the countdown is redrawn. */
const TICK_MS = 250;

// The control page's fields by their API names (a line's by its number), for a refusal that names them.
const STAGE_LABELS: FieldLabels = {
  slots: 'pitch.fields.slots',
  'slots.*': 'pitch.fields.slot',
  'slots.*.id': 'pitch.fields.slot',
  'slots.*.kind': 'pitch.fields.slot',
  'slots.*.entryId': 'pitch.fields.slot',
  'slots.*.pitchSeconds': 'pitch.fields.pitchSeconds',
  'slots.*.qaSeconds': 'pitch.fields.qaSeconds',
  'slots.*.seconds': 'pitch.fields.breakSeconds',
  'slots.*.label': 'pitch.fields.breakLabel',
  seed: 'pitch.control.seed',
  slotId: 'pitch.fields.slotId',
  seconds: 'pitch.fields.extendSeconds',
};

/**
 * One round's stage as this screen follows it: the organizer's view (control page, board) or a
 * judge's, pushed by the server on connect and after every change. EventSource cannot send the
 * bearer token, so each connection first asks for a short-lived ticket; a dropped stream (or the
 * browser going offline) is reopened with a fresh ticket, and the first event after it is the
 * current stage, so the screen catches up without a reload. The countdown is the domain's
 * `stageClock` over the stored instants and the server's clock (this screen's clock corrected by
 * the `serverTime` of the last event). Provide it per page.
 */
@Injectable()
export class StageStore {
  private readonly api = inject(PitchApi);
  private readonly window = inject(DOCUMENT).defaultView;
  private source: EventSource | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private ticker: ReturnType<typeof setInterval> | null = null;
  private attempt = 0;
  private roundId: string | null = null;
  private readonly onOffline = () => this.drop();
  private readonly onOnline = () => {
    if (!this.roundId || this.source) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    void this.open();
  };

  readonly connection = signal<StageConnection>('connecting');
  readonly view = signal<StageView | JudgeStageView | null>(null);
  /** A judge's own assignment per entry. */
  readonly assignments = signal<Record<string, string>>({});
  readonly error = signal<UiMessage | null>(null);
  /** What the API found wrong, part by part, with the last refused write (a run sheet's lines); empty otherwise. */
  readonly problems = signal<readonly UiMessage[]>([]);
  readonly busy = signal(false);
  /** Server clock minus this screen's clock, from the last event. */
  private readonly offsetMs = signal(0);
  private readonly now = signal(Date.now());

  /** The organizer's view, when this screen is the organizer's. */
  readonly organizerView = computed(() => {
    const view = this.view();
    return view && 'judges' in view ? view : null;
  });
  readonly currentSlot = computed<StageSlot | null>(() => {
    const view = this.view();
    return view?.current ? (view.slots.find((s) => s.id === view.current?.slotId) ?? null) : null;
  });
  readonly currentEntryId = computed(() => {
    const slot = this.currentSlot();
    return slot?.kind === 'entry' ? slot.entryId : null;
  });
  /** Changes each time a slot goes on stage (the same team started again counts as new). */
  readonly turnKey = computed(() => {
    const current = this.view()?.current;
    return current ? `${current.slotId}@${current.startedAt}` : null;
  });
  readonly clock = computed<StageClock | null>(() => {
    const view = this.view();
    const slot = this.currentSlot();
    if (!view?.current || !slot) return null;
    const c = view.current;
    const onStage = {
      slotId: c.slotId,
      startedAt: Date.parse(c.startedAt),
      pausedAt: c.pausedAt ? Date.parse(c.pausedAt) : null,
      pausedMs: c.pausedMs,
      extraPitchMs: c.extraPitchMs,
      extraQaMs: c.extraQaMs,
    };
    const domainSlot =
      slot.kind === 'entry'
        ? { id: slot.id, kind: 'entry' as const, entryId: slot.entryId, pitchSeconds: slot.pitchSeconds, qaSeconds: slot.qaSeconds }
        : { id: slot.id, kind: 'break' as const, seconds: slot.seconds, label: slot.label };
    return stageClock(domainSlot, onStage, this.now() + this.offsetMs());
  });
  readonly upNext = computed<StageSlot | null>(
    () => this.view()?.slots.find((s) => s.outcome === null && s.id !== this.view()?.current?.slotId) ?? null,
  );

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  start(roundId: string): void {
    this.stop();
    this.roundId = roundId;
    this.attempt = 0;
    this.window?.addEventListener('offline', this.onOffline);
    this.window?.addEventListener('online', this.onOnline);
    this.ticker = setInterval(() => this.now.set(Date.now()), TICK_MS);
    void this.open();
  }

  stop(): void {
    this.source?.close();
    this.source = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.ticker) clearInterval(this.ticker);
    this.retryTimer = null;
    this.ticker = null;
    this.roundId = null;
    this.window?.removeEventListener('offline', this.onOffline);
    this.window?.removeEventListener('online', this.onOnline);
  }

  /** A control action on the version this screen shows; the answer replaces the view at once. */
  act(action: StageActionRequest['action'], extra: Pick<StageActionRequest, 'slotId' | 'seconds'> = {}): Promise<UiMessage | null> {
    return this.write((roundId, version) => this.api.act(roundId, { version, action, ...extra }));
  }

  saveRunSheet(slots: RunSheetSlotInput[]): Promise<UiMessage | null> {
    return this.write((roundId, version) => this.api.saveRunSheet(roundId, { version, slots }));
  }

  draw(seed?: string): Promise<UiMessage | null> {
    return this.write((roundId, version) => this.api.draw(roundId, { version, ...(seed ? { seed } : {}) }));
  }

  private async write(call: (roundId: string, version: number) => ReturnType<PitchApi['act']>): Promise<UiMessage | null> {
    const roundId = this.roundId;
    const view = this.view();
    if (!roundId || !view) return null;
    this.busy.set(true);
    this.problems.set([]);
    try {
      this.accept(await firstValueFrom(call(roundId, view.version)));
      return null;
    } catch (error) {
      const api = apiErrorOf(error);
      // A rule's problems are listed under its sentence; a request-shape refusal's are in the sentence already, by label.
      this.problems.set((api?.code === 'validation_failed' ? [] : (api?.fields ?? [])).map(fieldProblemMessage));
      return toUiMessage(error, {}, STAGE_LABELS);
    } finally {
      this.busy.set(false);
    }
  }

  /** Keeps the newest view: a stream event and an action's answer may arrive in either order. */
  private accept(view: StageView | JudgeStageView | MyStageView): void {
    const shown = this.view();
    if (shown && shown.version > view.version && shown.roundStatus === view.roundStatus) return;
    if ('assignments' in view) this.assignments.set(view.assignments);
    this.offsetMs.set(Date.parse(view.serverTime) - Date.now());
    this.now.set(Date.now());
    this.view.set(view);
  }

  private drop(): void {
    this.source?.close();
    this.source = null;
    if (this.roundId) this.connection.set('reconnecting');
  }

  private async open(): Promise<void> {
    const roundId = this.roundId;
    if (!roundId) return;
    this.connection.set(this.attempt === 0 && !this.view() ? 'connecting' : 'reconnecting');
    let url: string;
    try {
      url = this.api.eventsUrl(await firstValueFrom(this.api.ticket(roundId)));
    } catch (error) {
      const status = (error as { status?: number }).status ?? 0;
      // Not found, not allowed or not live will not get better by retrying.
      if (status === 401 || status === 403 || status === 404 || status === 409) {
        this.error.set(toUiMessage(error));
        this.connection.set('failed');
        return;
      }
      this.scheduleRetry();
      return;
    }
    if (this.roundId !== roundId) return;
    const source = new EventSource(url);
    this.source = source;
    source.addEventListener('assignments', (event) => {
      try {
        this.assignments.set(JSON.parse((event as MessageEvent<string>).data) as Record<string, string>);
      } catch {
        // A malformed event is skipped.
      }
    });
    source.addEventListener('stage', (event) => {
      try {
        this.accept(JSON.parse((event as MessageEvent<string>).data) as StageView | JudgeStageView);
        this.connection.set('live');
        this.error.set(null);
        this.attempt = 0;
      } catch {
        // A malformed event is skipped; the next one replaces it.
      }
    });
    source.onerror = () => {
      source.close();
      if (this.source === source) this.source = null;
      this.scheduleRetry();
    };
  }

  private scheduleRetry(): void {
    if (!this.roundId || this.retryTimer) return;
    this.connection.set('reconnecting');
    const wait = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)];
    this.attempt += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.open();
    }, wait);
  }
}
