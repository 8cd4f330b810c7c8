import { type ApiFieldProblem, CONTEST_NEXT_STATUS, CONTEST_REOPEN_FROM, type ContestStatus } from '@laurel/contracts';
import { FIELD_PROBLEM_MESSAGES, type TranslationKey, type TranslationParams } from '@laurel/console-util';

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

/** A `contest.not_ready` field problem as a line of the "what to fix" checklist, worded from its code. */
export function problemLine(problem: ApiFieldProblem): ProblemLine {
  const text = `${problem.field}: ${problem.message}`;
  const key = problem.code === undefined ? undefined : FIELD_PROBLEM_MESSAGES[problem.code];
  return key ? { key, params: problem.params, text } : { key: null, text };
}

/** The five stages of a contest, in the order the API allows them. */
export const LIFECYCLE_STAGES = ['prepare', 'submissions', 'screening', 'judging', 'published'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

const STAGE_OF: Record<ContestStatus, LifecycleStage> = {
  draft: 'prepare',
  open: 'submissions',
  closed: 'screening',
  judging: 'judging',
  published: 'published',
};

export interface StageView {
  stage: LifecycleStage;
  state: 'done' | 'current' | 'upcoming';
}

/** Where the contest stands: each stage done, current or still to come. */
export function lifecycleStages(status: ContestStatus): StageView[] {
  const current = LIFECYCLE_STAGES.indexOf(STAGE_OF[status]);
  return LIFECYCLE_STAGES.map((stage, i) => ({ stage, state: i < current ? 'done' : i === current ? 'current' : 'upcoming' }));
}

interface ReadinessInput {
  submissionOpensAt: string;
  submissionClosesAt: string;
  categories: readonly unknown[];
  rounds: readonly { name: string; criteria: readonly unknown[] }[];
}

/**
 * What still stands between a draft and opening, worked out before anyone presses the button
 * (the same checks as the API's `contest.not_ready`, so the button is not a way to find them).
 */
export function readinessLines(contest: ReadinessInput, now: Date): ProblemLine[] {
  const lines: ProblemLine[] = [];
  if (contest.categories.length === 0) lines.push({ key: 'organize.editor.problems.categories', text: 'categories' });
  if (contest.rounds.length === 0) lines.push({ key: 'organize.editor.problems.rounds', text: 'rounds' });
  for (const round of contest.rounds) {
    if (round.criteria.length === 0)
      lines.push({ key: 'organize.editor.problems.roundCriteria', params: { round: round.name }, text: `criteria ${round.name}` });
  }
  const opens = Date.parse(contest.submissionOpensAt);
  const closes = Date.parse(contest.submissionClosesAt);
  if (!(opens < closes) || closes <= now.getTime())
    lines.push({ key: 'organize.editor.problems.submissionClosesAt', text: 'submissionClosesAt' });
  return lines;
}
