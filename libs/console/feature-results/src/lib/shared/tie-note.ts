import type { ResultCriterionView, RoundResultEntryView } from '@laurel/contracts';
import type { UiMessage } from '@laurel/console-util';

const EPSILON = 1e-9;

export interface TieContext {
  /** The entries of the entry's ranking scope (the round, or its category). */
  scope: readonly RoundResultEntryView[];
  criteria: readonly ResultCriterionView[];
  /** Criterion ids in the order they break ties. */
  priorityCriteria: readonly string[];
  /** Writes a score or a mean the reader's way ("80,00"). */
  format: (value: number | null) => string;
}

/**
 * Why a tied entry sits where it does, in words a reader can check: who it tied with, and the
 * criterion and the values that separated them (or the medians), following DESIGN's chain the
 * way the domain applies it (each rule only splits what is still tied). Null when the entry was
 * not tied.
 */
export function tieNote(entry: RoundResultEntryView, context: TieContext): UiMessage | null {
  if (entry.settledBy === 'score' || entry.score === null) return null;
  const tied = context.scope.filter(
    (e) => e.entryId !== entry.entryId && e.score !== null && Math.abs((e.score as number) - (entry.score as number)) < EPSILON,
  );
  const codes = (list: readonly RoundResultEntryView[]) => list.map((e) => e.code ?? e.title).join(', ');
  const base = { score: context.format(entry.score), others: codes(tied) };

  if (entry.settledBy === 'priority_criteria') {
    let group = tied;
    for (const id of context.priorityCriteria) {
      const criterion = context.criteria.find((c) => c.id === id);
      const own = entry.criterionMeans[id];
      if (!criterion || own === undefined) continue;
      const same = group.filter((e) => Math.abs((e.criterionMeans[id] ?? 0) - own) < EPSILON);
      if (same.length < group.length) {
        const others = group.filter((e) => !same.includes(e));
        return {
          key: 'results.tieNote.priority',
          params: {
            ...base,
            criterion: criterion.name,
            own: context.format(own),
            theirs: others.map((e) => `${e.code ?? e.title} ${context.format(e.criterionMeans[id] ?? null)}`).join(', '),
          },
        };
      }
      group = same;
    }
  }
  if (entry.settledBy === 'head_to_head') return { key: 'results.tieNote.headToHead', params: base };
  if (entry.settledBy === 'median') {
    return {
      key: 'results.tieNote.median',
      params: {
        ...base,
        own: context.format(entry.medianTotal),
        theirs: tied.map((e) => `${e.code ?? e.title} ${context.format(e.medianTotal)}`).join(', '),
      },
    };
  }
  return { key: 'results.tieNote.tie', params: base };
}
