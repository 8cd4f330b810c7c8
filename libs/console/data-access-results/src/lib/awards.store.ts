import { Injectable, computed, inject, signal } from '@angular/core';
import type { AwardInput, AwardsProposalView, ConfirmedAwardsView, PublishResponse, RoundResultsView } from '@laurel/contracts';
import { type FieldLabels, type UiMessage, apiErrorOf, fieldProblemMessage, toUiMessage } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';
import { ResultsApi } from './results.api';

type LoadStatus = 'idle' | 'loading' | 'loaded' | 'error';

interface AwardsState {
  contestId: string | null;
  proposal: AwardsProposalView | null;
  /** The final round's ranking: the entries an override may choose from. */
  ranking: RoundResultsView | null;
  confirmed: ConfirmedAwardsView | null;
  status: LoadStatus;
  error: UiMessage | null;
}

/** A refused action: the sentence, and for a refused confirmation each line's problem (`awards.invalid`'s fields). */
export type ActionOutcome<T> = { ok: true; value: T } | { ok: false; error: UiMessage; problems?: UiMessage[] };

// The awards' fields by their API names, for a refusal that names them.
const AWARD_LABELS: FieldLabels = { 'awards.*.entryId': 'results.awards.chooseEntry', 'awards.*.reason': 'results.awards.reason' };
/** A contest's award proposal, its confirmed awards, and publication. Provide per page. */
@Injectable()
export class AwardsStore {
  private readonly api = inject(ResultsApi);
  private readonly state = signal<AwardsState>({
    contestId: null,
    proposal: null,
    ranking: null,
    confirmed: null,
    status: 'idle',
    error: null,
  });

  readonly proposal = computed(() => this.state().proposal);
  readonly ranking = computed(() => this.state().ranking);
  readonly confirmed = computed(() => this.state().confirmed);
  readonly error = computed(() => this.state().error);
  readonly loading = computed(() => this.state().status === 'loading');
  readonly loaded = computed(() => this.state().status === 'loaded');
  readonly published = computed(() => !!this.state().confirmed?.publishedAt);

  async load(contestId: string): Promise<void> {
    this.state.set({ contestId, proposal: null, ranking: null, confirmed: null, status: 'loading', error: null });
    try {
      // The confirmed awards answer even when no proposal can be made yet (final round open).
      const confirmedCall = firstValueFrom(this.api.confirmedAwards(contestId));
      const proposalCall = firstValueFrom(this.api.proposal(contestId));
      void proposalCall.catch(() => undefined);
      const confirmed = await confirmedCall;
      if (this.state().contestId !== contestId) return;
      this.state.update((s) => ({ ...s, confirmed }));
      const proposal = await proposalCall;
      const ranking = await firstValueFrom(this.api.roundResults(proposal.roundId));
      if (this.state().contestId !== contestId) return;
      this.state.set({ contestId, proposal, ranking, confirmed, status: 'loaded', error: null });
    } catch (error) {
      if (this.state().contestId === contestId) this.state.update((s) => ({ ...s, status: 'error', error: toUiMessage(error) }));
    }
  }

  async confirm(awards: AwardInput[]): Promise<ActionOutcome<ConfirmedAwardsView>> {
    const contestId = this.state().contestId;
    if (!contestId) return { ok: false, error: { key: 'errors.unexpected' } };
    try {
      const confirmed = await firstValueFrom(this.api.confirmAwards(contestId, { awards }));
      this.state.update((s) => ({ ...s, confirmed }));
      return { ok: true, value: confirmed };
    } catch (error) {
      const api = apiErrorOf(error);
      const problems = api?.code === 'awards.invalid' ? (api.fields ?? []).map(fieldProblemMessage) : [];
      return { ok: false, error: toUiMessage(error, {}, AWARD_LABELS), ...(problems.length > 0 ? { problems } : {}) };
    }
  }

  async publish(): Promise<ActionOutcome<PublishResponse>> {
    const contestId = this.state().contestId;
    if (!contestId) return { ok: false, error: { key: 'errors.unexpected' } };
    try {
      const published = await firstValueFrom(this.api.publish(contestId));
      this.state.update((s) => (s.confirmed ? { ...s, confirmed: { ...s.confirmed, publishedAt: published.publishedAt } } : s));
      return { ok: true, value: published };
    } catch (error) {
      return { ok: false, error: toUiMessage(error) };
    }
  }
}
