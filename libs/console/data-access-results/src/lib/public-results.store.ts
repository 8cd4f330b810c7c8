import { Injectable, computed, inject, signal } from '@angular/core';
import type { PublicResultsView } from '@laurel/contracts';
import { type UiMessage, apiErrorOf, toUiMessage } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';
import { ResultsApi } from './results.api';

/** A contest's published results, for anyone. Provide per page. */
@Injectable()
export class PublicResultsStore {
  private readonly api = inject(ResultsApi);
  private readonly state = signal<{
    results: PublicResultsView | null;
    status: 'idle' | 'loading' | 'loaded' | 'missing' | 'error';
    error: UiMessage | null;
  }>({
    results: null,
    status: 'idle',
    error: null,
  });

  readonly results = computed(() => this.state().results);
  readonly error = computed(() => this.state().error);
  readonly loading = computed(() => this.state().status === 'loading');
  /** Not published (or no such contest): the page says so instead of an error. */
  readonly missing = computed(() => this.state().status === 'missing');

  async load(slug: string): Promise<void> {
    this.state.set({ results: null, status: 'loading', error: null });
    try {
      this.state.set({ results: await firstValueFrom(this.api.publicResults(slug)), status: 'loaded', error: null });
    } catch (error) {
      const missing = apiErrorOf(error)?.code === 'results.not_published' || (error as { status?: number }).status === 404;
      this.state.set({ results: null, status: missing ? 'missing' : 'error', error: missing ? null : toUiMessage(error) });
    }
  }
}
