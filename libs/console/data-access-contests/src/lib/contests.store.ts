import { Injectable, computed, inject, signal } from '@angular/core';
import type { ContestView } from '@laurel/contracts';
import { type UiMessage, toUiMessage } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';
import { ContestsApi } from './contests.api';

type LoadStatus = 'idle' | 'loading' | 'loaded' | 'error';

interface ContestsState {
  contests: readonly ContestView[];
  status: LoadStatus;
  error: UiMessage | null;
}

/** The contest list, kept between visits of the page and refreshed on each. */
@Injectable({ providedIn: 'root' })
export class ContestsStore {
  private readonly api = inject(ContestsApi);
  private readonly state = signal<ContestsState>({ contests: [], status: 'idle', error: null });

  readonly contests = computed(() => this.state().contests);
  readonly error = computed(() => this.state().error);
  /** True only while nothing is on screen yet; a refresh keeps showing the list it has. */
  readonly loading = computed(() => this.state().status === 'loading' && this.state().contests.length === 0);
  readonly refreshing = computed(() => this.state().status === 'loading');
  readonly loaded = computed(() => this.state().status === 'loaded');

  async load(): Promise<void> {
    if (this.state().status === 'loading') return;
    this.state.update((s) => ({ ...s, status: 'loading', error: null }));
    try {
      const contests = await firstValueFrom(this.api.list());
      this.state.set({ contests, status: 'loaded', error: null });
    } catch (error) {
      this.state.update((s) => ({ ...s, status: 'error', error: toUiMessage(error) }));
    }
  }
}
