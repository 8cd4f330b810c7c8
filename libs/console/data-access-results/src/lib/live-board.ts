import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import type { LiveStandingsView } from '@laurel/contracts';
import { type UiMessage, toUiMessage } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';
import { ResultsApi } from './results.api';

export type LiveConnection = 'connecting' | 'live' | 'reconnecting' | 'failed';

/** Waits between reconnection attempts: quick at first, then every 15 s at most. */
const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 15_000];

/**
 * One round's live standings. EventSource cannot send the bearer token, so each connection
 * first asks for a short-lived ticket and puts it in the URL; a dropped stream is reopened with
 * a fresh ticket (EventSource's own retry would reuse an expired one). Provide it per page.
 */
@Injectable()
export class LiveBoardStore {
  private readonly api = inject(ResultsApi);
  private source: EventSource | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private roundId: string | null = null;

  readonly connection = signal<LiveConnection>('connecting');
  readonly standings = signal<LiveStandingsView | null>(null);
  readonly error = signal<UiMessage | null>(null);
  /** When the last standings arrived. */
  readonly updatedAt = signal<Date | null>(null);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  start(roundId: string): void {
    this.stop();
    this.roundId = roundId;
    this.attempt = 0;
    void this.open();
  }

  stop(): void {
    this.source?.close();
    this.source = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.roundId = null;
  }

  private async open(): Promise<void> {
    const roundId = this.roundId;
    if (!roundId) return;
    this.connection.set(this.attempt === 0 ? 'connecting' : 'reconnecting');
    let url: string;
    try {
      url = this.api.liveUrl(await firstValueFrom(this.api.liveTicket(roundId)));
    } catch (error) {
      const status = (error as { status?: number }).status ?? 0;
      // Not found or not allowed will not get better by retrying.
      if (status === 401 || status === 403 || status === 404) {
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
    source.addEventListener('standings', (event) => {
      try {
        this.standings.set(JSON.parse((event as MessageEvent<string>).data) as LiveStandingsView);
        this.updatedAt.set(new Date());
        this.connection.set('live');
        this.error.set(null);
        this.attempt = 0;
      } catch {
        // A malformed event is skipped; the next one replaces it.
      }
    });
    source.onopen = () => this.connection.set('live');
    source.onerror = () => {
      source.close();
      if (this.source === source) this.source = null;
      this.scheduleRetry();
    };
  }

  private scheduleRetry(): void {
    if (!this.roundId) return;
    this.connection.set('reconnecting');
    const wait = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)];
    this.attempt += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.open();
    }, wait);
  }
}
