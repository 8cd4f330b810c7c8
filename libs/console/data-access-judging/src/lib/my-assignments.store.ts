import { Injectable, computed, inject, signal } from '@angular/core';
import type { AssignmentStatus, MyAssignmentView } from '@laurel/contracts';
import { type UiMessage, toUiMessage } from '@laurel/console-util';
import { firstValueFrom } from 'rxjs';
import { JudgingApi } from './judging.api';

export interface RoundGroup {
  roundId: string;
  roundName: string;
  roundStatus: MyAssignmentView['roundStatus'];
  contestName: string;
  blind: boolean;
  assignments: MyAssignmentView[];
  /** Not recused. */
  assigned: number;
  submitted: number;
  counts: Record<AssignmentStatus, number>;
}

/** The judge's assignments, grouped by round in the order the API gives them. */
@Injectable({ providedIn: 'root' })
export class MyAssignmentsStore {
  private readonly api = inject(JudgingApi);
  private readonly state = signal<{ items: MyAssignmentView[]; status: 'idle' | 'loading' | 'loaded' | 'error'; error: UiMessage | null }>({
    items: [],
    status: 'idle',
    error: null,
  });

  readonly items = computed(() => this.state().items);
  readonly error = computed(() => this.state().error);
  readonly loading = computed(() => this.state().status === 'loading' && this.state().items.length === 0);
  readonly refreshing = computed(() => this.state().status === 'loading');
  readonly loaded = computed(() => this.state().status === 'loaded');
  readonly groups = computed(() => groupByRound(this.state().items));

  async load(): Promise<void> {
    if (this.state().status === 'loading') return;
    this.state.update((s) => ({ ...s, status: 'loading', error: null }));
    try {
      const items = await firstValueFrom(this.api.myAssignments());
      this.state.set({ items, status: 'loaded', error: null });
    } catch (error) {
      this.state.update((s) => ({ ...s, status: 'error', error: toUiMessage(error) }));
    }
  }

  /** The assignments of a round in list order: previous/next on the scoring page walk these. */
  siblingsOf(assignmentId: string): { previous: string | null; next: string | null; index: number; count: number } {
    const item = this.state().items.find((a) => a.id === assignmentId);
    const list = item ? this.state().items.filter((a) => a.roundId === item.roundId && a.status !== 'recused') : [];
    const index = list.findIndex((a) => a.id === assignmentId);
    return {
      previous: index > 0 ? (list[index - 1]?.id ?? null) : null,
      next: index >= 0 ? (list[index + 1]?.id ?? null) : null,
      index,
      count: list.length,
    };
  }
}

export function groupByRound(items: readonly MyAssignmentView[]): RoundGroup[] {
  const groups = new Map<string, RoundGroup>();
  for (const item of items) {
    let group = groups.get(item.roundId);
    if (!group) {
      group = {
        roundId: item.roundId,
        roundName: item.roundName,
        roundStatus: item.roundStatus,
        contestName: item.contestName,
        blind: item.blind,
        assignments: [],
        assigned: 0,
        submitted: 0,
        counts: { todo: 0, draft: 0, submitted: 0, recused: 0 },
      };
      groups.set(item.roundId, group);
    }
    group.assignments.push(item);
    group.counts[item.status]++;
    if (item.status !== 'recused') group.assigned++;
    if (item.status === 'submitted') group.submitted++;
  }
  return [...groups.values()];
}
