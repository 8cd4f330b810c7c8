import { CONTEST_NEXT_STATUS, CONTEST_REOPEN_FROM, type ContestStatus } from '@laurel/contracts';
import type { TranslationKey, TranslationParams } from '@laurel/console-util';

export type LifecycleAction = 'open' | 'closed' | 'reopen' | 'judging';

export interface LifecycleStep {
  action: LifecycleAction;
  /** The status to POST. */
  status: ContestStatus;
}

/** The buttons of the lifecycle bar for a status: the next step, and "reopen" from closed. Publishing has its own page. */
export function lifecycleSteps(status: ContestStatus): LifecycleStep[] {
  const steps: LifecycleStep[] = [];
  const next = CONTEST_NEXT_STATUS[status];
  if (next === 'open' || next === 'closed' || next === 'judging') steps.push({ action: next, status: next });
  if (status === CONTEST_REOPEN_FROM) steps.push({ action: 'reopen', status: 'open' });
  return steps;
}

export interface ProblemLine {
  key: TranslationKey | null;
  params?: TranslationParams;
  /** The API's words when no translation fits. */
  text: string;
}

/** A `contest.not_ready` field problem as a line of the "what to fix" checklist. */
export function problemLine(problem: { field: string; message: string }): ProblemLine {
  const text = `${problem.field}: ${problem.message}`;
  if (problem.field === 'categories') return { key: 'organize.editor.problems.categories', text };
  if (problem.field === 'rounds') return { key: 'organize.editor.problems.rounds', text };
  if (/^rounds\.\d+\.criteria$/.test(problem.field)) {
    const round = /"([^"]+)"/.exec(problem.message)?.[1] ?? '';
    return { key: 'organize.editor.problems.roundCriteria', params: { round }, text };
  }
  if (problem.field === 'submissionClosesAt' || problem.field === 'submissionOpensAt') {
    return { key: 'organize.editor.problems.submissionClosesAt', text };
  }
  return { key: null, text };
}
