import { Injectable, computed, inject, signal } from '@angular/core';
import type { BallotView, CastVoteRequest, ConfirmVoteResponse, VoteCountsView } from '@laurel/contracts';
import { type FieldLabels, type UiMessage, toUiMessage } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';
import { ResultsApi } from './results.api';

export type VoteOutcome = { ok: true } | { ok: false; error: UiMessage };

// The ballot's and the voiding's fields by their API names, for a refusal that names them.
const BALLOT_LABELS: FieldLabels = { email: 'results.vote.email', entryId: 'results.vote.choose' };
const VOID_LABELS: FieldLabels = { reason: 'results.vote.counts.voidReason' };
/** The public ballot of one contest and the voter's one vote. Provide per page. */
@Injectable()
export class BallotStore {
  private readonly api = inject(ResultsApi);
  private readonly state = signal<{ ballot: BallotView | null; status: 'idle' | 'loading' | 'loaded' | 'error'; error: UiMessage | null }>({
    ballot: null,
    status: 'idle',
    error: null,
  });

  readonly ballot = computed(() => this.state().ballot);
  readonly loading = computed(() => this.state().status === 'loading');
  readonly error = computed(() => this.state().error);

  async load(slug: string): Promise<void> {
    this.state.set({ ballot: null, status: 'loading', error: null });
    try {
      this.state.set({ ballot: await firstValueFrom(this.api.ballot(slug)), status: 'loaded', error: null });
    } catch (error) {
      this.state.set({ ballot: null, status: 'error', error: toUiMessage(error) });
    }
  }

  async cast(slug: string, request: CastVoteRequest): Promise<VoteOutcome> {
    try {
      await firstValueFrom(this.api.castVote(slug, request));
      return { ok: true };
    } catch (error) {
      return { ok: false, error: toUiMessage(error, {}, BALLOT_LABELS) };
    }
  }

  async confirm(token: string): Promise<{ ok: true; response: ConfirmVoteResponse } | { ok: false; error: UiMessage }> {
    try {
      return { ok: true, response: await firstValueFrom(this.api.confirmVote(token)) };
    } catch (error) {
      return { ok: false, error: toUiMessage(error) };
    }
  }
}

/** The organizer's live counts of a contest's public vote, and voiding. Provide per component. */
@Injectable()
export class VoteCountsStore {
  private readonly api = inject(ResultsApi);
  private readonly state = signal<{ counts: VoteCountsView | null; loading: boolean; error: UiMessage | null }>({
    counts: null,
    loading: false,
    error: null,
  });

  readonly counts = computed(() => this.state().counts);
  readonly loading = computed(() => this.state().loading);
  readonly error = computed(() => this.state().error);

  async load(contestId: string): Promise<void> {
    this.state.update((s) => ({ ...s, loading: true, error: null }));
    try {
      this.state.set({ counts: await firstValueFrom(this.api.voteCounts(contestId)), loading: false, error: null });
    } catch (error) {
      this.state.set({ counts: null, loading: false, error: toUiMessage(error) });
    }
  }

  async void(contestId: string, voteId: string, reason: string): Promise<VoteOutcome> {
    try {
      await firstValueFrom(this.api.voidVote(voteId, reason));
      await this.load(contestId);
      return { ok: true };
    } catch (error) {
      return { ok: false, error: toUiMessage(error, {}, VOID_LABELS) };
    }
  }
}
