import { Injectable, computed, inject, signal } from '@angular/core';
import type { AdvanceRequest, AdvanceResponse, RoundResultsView } from '@laurel/contracts';
import { type FieldLabels, type UiMessage, toUiMessage } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';
import { ResultsApi } from './results.api';

type LoadStatus = 'idle' | 'loading' | 'loaded' | 'error';

export type AdvanceOutcome = { ok: true; response: AdvanceResponse } | { ok: false; error: UiMessage };

// The advance dialog's fields by their API names, for a refusal that names them.
const ADVANCE_LABELS: FieldLabels = { top: 'results.advance.topLabel', minScore: 'results.advance.minLabel' };
/** One round's ranking and reliability, and the advancement of its entries. Provide per page. */
@Injectable()
export class RoundResultsStore {
  private readonly api = inject(ResultsApi);
  private readonly state = signal<{
    roundId: string | null;
    results: RoundResultsView | null;
    status: LoadStatus;
    error: UiMessage | null;
  }>({
    roundId: null,
    results: null,
    status: 'idle',
    error: null,
  });

  readonly results = computed(() => this.state().results);
  readonly error = computed(() => this.state().error);
  readonly loading = computed(() => this.state().status === 'loading');
  readonly loaded = computed(() => this.state().status === 'loaded');

  async load(roundId: string): Promise<void> {
    const keep = this.state().roundId === roundId ? this.state().results : null;
    this.state.set({ roundId, results: keep, status: 'loading', error: null });
    try {
      const results = await firstValueFrom(this.api.roundResults(roundId));
      if (this.state().roundId === roundId) this.state.set({ roundId, results, status: 'loaded', error: null });
    } catch (error) {
      if (this.state().roundId === roundId) this.state.set({ roundId, results: null, status: 'error', error: toUiMessage(error) });
    }
  }

  clear(): void {
    this.state.set({ roundId: null, results: null, status: 'idle', error: null });
  }

  async advance(rule: AdvanceRequest): Promise<AdvanceOutcome> {
    const roundId = this.state().roundId;
    if (!roundId) return { ok: false, error: { key: 'errors.unexpected' } };
    try {
      const response = await firstValueFrom(this.api.advance(roundId, rule));
      await this.load(roundId);
      return { ok: true, response };
    } catch (error) {
      return { ok: false, error: toUiMessage(error, {}, ADVANCE_LABELS) };
    }
  }
}
