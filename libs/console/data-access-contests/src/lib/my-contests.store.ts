import { Injectable, computed, inject, signal } from '@angular/core';
import type { ContestView, CreateContestRequest } from '@laurel/contracts';
import { AuthStore } from '@laurel/console-data-access-auth';
import { type UiMessage, toUiMessage } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';
import { ContestsApi } from './contests.api';

interface MyContestsState {
  /** Whose list this is: another person signing in on the same tab never sees it. */
  userId: string | null;
  contests: readonly ContestView[];
  status: 'idle' | 'loading' | 'loaded' | 'error';
  error: UiMessage | null;
}

/**
 * The contests the signed-in organizer owns (any status), for every page that lists or picks
 * them: the organizer's contests and entries, the panel, results, awards, pitch day and the audit
 * trail. Kept between pages; each page refreshes it on arrival.
 */
@Injectable({ providedIn: 'root' })
export class MyContestsStore {
  private readonly api = inject(ContestsApi);
  private readonly auth = inject(AuthStore);
  private readonly state = signal<MyContestsState>({ userId: null, contests: [], status: 'idle', error: null });

  readonly contests = computed(() => this.state().contests);
  readonly error = computed(() => this.state().error);
  readonly loading = computed(() => this.state().status === 'loading');
  readonly loaded = computed(() => this.state().status === 'loaded');

  async load(): Promise<void> {
    if (this.state().status === 'loading') return;
    const userId = this.auth.user()?.id ?? null;
    this.state.update((s) => ({ ...s, userId, contests: s.userId === userId ? s.contests : [], status: 'loading', error: null }));
    try {
      const contests = await firstValueFrom(this.api.mine());
      this.state.set({ userId, contests, status: 'loaded', error: null });
    } catch (error) {
      this.state.update((s) => ({ ...s, status: 'error', error: toUiMessage(error) }));
    }
  }

  byId(id: string | null): ContestView | undefined {
    return id ? this.state().contests.find((c) => c.id === id) : undefined;
  }

  /** A contest read again after a change (a round opened or closed) takes its place in the list. */
  replace(contest: ContestView): void {
    this.state.update((s) => ({ ...s, contests: s.contests.map((c) => (c.id === contest.id ? contest : c)) }));
  }

  /** Creates the contest and puts it at the top of the list; the error is the caller's to show. */
  async create(body: CreateContestRequest): Promise<ContestView> {
    const contest = await firstValueFrom(this.api.create(body));
    this.state.update((s) => ({ ...s, contests: [contest, ...s.contests] }));
    return contest;
  }
}
