import { Injectable, computed, inject, signal } from '@angular/core';
import type { ContestView, CreateContestRequest } from '@laurel/contracts';
import { type UiMessage, toUiMessage } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';
import { OrganizeApi } from './organize.api';

interface MyContestsState {
  contests: readonly ContestView[];
  status: 'idle' | 'loading' | 'loaded' | 'error';
  error: UiMessage | null;
}

/** The contests the signed-in organizer owns (any status). */
@Injectable({ providedIn: 'root' })
export class MyContestsStore {
  private readonly api = inject(OrganizeApi);
  private readonly state = signal<MyContestsState>({ contests: [], status: 'idle', error: null });

  readonly contests = computed(() => this.state().contests);
  readonly error = computed(() => this.state().error);
  readonly loading = computed(() => this.state().status === 'loading');
  readonly loaded = computed(() => this.state().status === 'loaded');

  async load(): Promise<void> {
    if (this.state().status === 'loading') return;
    this.state.update((s) => ({ ...s, status: 'loading', error: null }));
    try {
      const contests = await firstValueFrom(this.api.myContests());
      this.state.set({ contests, status: 'loaded', error: null });
    } catch (error) {
      this.state.update((s) => ({ ...s, status: 'error', error: toUiMessage(error) }));
    }
  }

  /** Creates the contest and puts it at the top of the list; the error is the caller's to show. */
  async create(body: CreateContestRequest): Promise<ContestView> {
    const contest = await firstValueFrom(this.api.createContest(body));
    this.state.update((s) => ({ ...s, contests: [contest, ...s.contests] }));
    return contest;
  }
}
