import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type {
  ApiFieldProblem,
  ContestStatus,
  ContestView,
  CreateRoundRequest,
  RoundView,
  UpdateContestRequest,
  UpdateRoundRequest,
} from '@laurel/contracts';
import {
  CONTEST_FIELD_NAMES,
  type FieldLabels,
  LANGUAGE_NAMES,
  PRIZE_TIER_NAMES,
  ROUND_FIELD_NAMES,
  type UiMessage,
  apiErrorOf,
  toUiMessage,
} from '@laurel/console-util';
import { type Observable, firstValueFrom } from 'rxjs';
import { OrganizeApi } from './organize.api';

// The editor's fields by their API names, for a refusal that names them: the contest's and a
// round's own fields, and the lines of its lists (a `*` for the position).
const CONTEST_LABELS: FieldLabels = {
  ...CONTEST_FIELD_NAMES,
  language: { label: CONTEST_FIELD_NAMES.language, choices: LANGUAGE_NAMES },
  'prizes.*.tier': { label: 'organize.editor.prizes.tier', choices: PRIZE_TIER_NAMES },
  'categories.*.name': 'organize.editor.categories.name',
  'prizes.*.count': 'organize.editor.prizes.count',
  'prizes.*.amount': 'organize.editor.prizes.amount',
  'prizes.*.currency': 'organize.editor.prizes.currency',
  'publicVote.share': 'organize.editor.vote.share',
  'publicVote.opensAt': 'organize.editor.vote.opensAt',
  'publicVote.closesAt': 'organize.editor.vote.closesAt',
};
const ROUND_LABELS: FieldLabels = {
  ...ROUND_FIELD_NAMES,
  'criteria.*.name': 'organize.editor.rubric.name',
  'criteria.*.description': 'organize.editor.rubric.guidance',
  'criteria.*.weight': 'organize.editor.rubric.weight',
  'criteria.*.maxScore': 'organize.editor.rubric.maxScore',
};

/** How a write ended, for the page to tell the person. */
export type WriteOutcome =
  | { ok: true }
  | { ok: false; stale: boolean; message: UiMessage; notReady?: readonly ApiFieldProblem[]; fields?: readonly ApiFieldProblem[] };

interface EditorState {
  contest: ContestView | null;
  loading: boolean;
  saving: boolean;
  loadError: UiMessage | null;
  /** Someone else changed the contest since it was loaded: the page offers Reload. */
  stale: boolean;
}

/** The contest an organizer is editing: loaded once, replaced by every answer of a write. */
@Injectable()
export class ContestEditorStore {
  private readonly api = inject(OrganizeApi);
  private readonly state = signal<EditorState>({ contest: null, loading: false, saving: false, loadError: null, stale: false });

  readonly contest = computed(() => this.state().contest);
  readonly loading = computed(() => this.state().loading);
  readonly saving = computed(() => this.state().saving);
  readonly loadError = computed(() => this.state().loadError);
  readonly stale = computed(() => this.state().stale);

  async load(id: string): Promise<void> {
    this.state.update((s) => ({ ...s, loading: true, loadError: null }));
    try {
      const contest = await firstValueFrom(this.api.contest(id));
      this.state.set({ contest, loading: false, saving: false, loadError: null, stale: false });
    } catch (error) {
      this.state.update((s) => ({ ...s, loading: false, loadError: toUiMessage(error) }));
    }
  }

  reload(): Promise<void> {
    const id = this.state().contest?.id;
    return id ? this.load(id) : Promise.resolve();
  }

  /** PATCH with the loaded version; the answer is the contest as it now is. */
  update(changes: Omit<UpdateContestRequest, 'version'>): Promise<WriteOutcome> {
    const contest = this.requireContest();
    return this.write(this.api.updateContest(contest.id, { ...changes, version: contest.version }), (next) => next, CONTEST_LABELS);
  }

  changeStatus(status: ContestStatus): Promise<WriteOutcome> {
    const contest = this.requireContest();
    return this.write(this.api.changeStatus(contest.id, status, contest.version), (next) => next, CONTEST_LABELS);
  }

  createRound(body: CreateRoundRequest): Promise<WriteOutcome> {
    const contest = this.requireContest();
    return this.write(this.api.createRound(contest.id, body), (round, current) => withRound(current, round), ROUND_LABELS);
  }

  updateRound(roundId: string, body: UpdateRoundRequest): Promise<WriteOutcome> {
    return this.write(this.api.updateRound(roundId, body), (round, current) => withRound(current, round), ROUND_LABELS);
  }

  deleteRound(roundId: string): Promise<WriteOutcome> {
    return this.write(this.api.deleteRound(roundId), (_, current) => ({
      ...current,
      rounds: current.rounds.filter((r) => r.id !== roundId),
    }));
  }

  private requireContest(): ContestView {
    const contest = this.state().contest;
    if (!contest) throw new Error('No contest is loaded');
    return contest;
  }

  /** Sends a change; a refusal is worded with `labels` naming the editor's fields. */
  private async write<T>(
    call: Observable<T>,
    apply: (answer: T, current: ContestView) => ContestView,
    labels: FieldLabels = {},
  ): Promise<WriteOutcome> {
    this.state.update((s) => ({ ...s, saving: true }));
    try {
      const answer = await firstValueFrom(call, { defaultValue: undefined as T });
      this.state.update((s) => ({ ...s, saving: false, contest: s.contest ? apply(answer, s.contest) : s.contest }));
      return { ok: true };
    } catch (error) {
      const api = apiErrorOf(error);
      const stale = error instanceof HttpErrorResponse && error.status === 409 && api?.code === 'contest.stale_version';
      this.state.update((s) => ({ ...s, saving: false, stale: s.stale || stale }));
      return {
        ok: false,
        stale,
        message: toUiMessage(error, {}, labels),
        notReady: api?.code === 'contest.not_ready' ? (api.fields ?? []) : undefined,
        fields: api?.fields,
      };
    }
  }
}

function withRound(contest: ContestView, round: RoundView): ContestView {
  const others = contest.rounds.filter((r) => r.id !== round.id);
  return { ...contest, rounds: [...others, round].sort((a, b) => a.order - b.order) };
}
