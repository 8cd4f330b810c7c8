import { Injectable, computed, inject, signal } from '@angular/core';
import { type UiMessage, toUiMessage } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';
import { EntriesApi } from './entries.api';
import type { OwnEntryView } from '@laurel/contracts';

type LoadStatus = 'idle' | 'loading' | 'loaded' | 'error';

interface MyEntriesState {
  entries: readonly OwnEntryView[];
  status: LoadStatus;
  error: UiMessage | null;
}

/** The signed-in applicant's entries, newest change first. */
@Injectable({ providedIn: 'root' })
export class MyEntriesStore {
  private readonly api = inject(EntriesApi);
  private readonly state = signal<MyEntriesState>({ entries: [], status: 'idle', error: null });

  readonly entries = computed(() => this.state().entries);
  readonly error = computed(() => this.state().error);
  readonly loading = computed(() => this.state().status === 'loading' && this.state().entries.length === 0);
  readonly refreshing = computed(() => this.state().status === 'loading');
  readonly loaded = computed(() => this.state().status === 'loaded');

  async load(): Promise<void> {
    if (this.state().status === 'loading') return;
    this.state.update((s) => ({ ...s, status: 'loading', error: null }));
    try {
      const entries = [...(await firstValueFrom(this.api.mine()))].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
      this.state.set({ entries, status: 'loaded', error: null });
    } catch (error) {
      this.state.update((s) => ({ ...s, status: 'error', error: toUiMessage(error) }));
    }
  }

  /** Withdraws one entry; the answer replaces its line. Throws the API's refusal for the caller to show. */
  async withdraw(id: string): Promise<void> {
    const entry = await firstValueFrom(this.api.withdraw(id));
    this.state.update((s) => ({
      ...s,
      entries: s.entries.map((line) =>
        line.id === id ? { ...line, status: entry.status, version: entry.version, updatedAt: entry.updatedAt } : line,
      ),
    }));
  }

  /** An entry the applicant still holds in this contest's category (not withdrawn), if any. */
  liveIn(contestId: string, categoryId: string): OwnEntryView | undefined {
    return this.state().entries.find((e) => e.contestId === contestId && e.categoryId === categoryId && e.status !== 'withdrawn');
  }
}
