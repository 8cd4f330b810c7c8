import { buildAssignmentProblem } from './assignment-problem';
import type { JudgeAssignment } from './assignment.types';
import { cell } from './panels';
import { createSeededRandom } from './seeded-random';
import { known } from '../util/known';

export interface ExtraJudgeInput {
  /** The entry that needs one more judge. */
  readonly entryId: string;
  /** Every entry of the round (their assignments make up the judges' loads). */
  readonly entries: readonly { readonly id: string }[];
  /** Judges who may be assigned (the contest's panel). */
  readonly judges: readonly { readonly id: string }[];
  /** Pairs never to assign; `detectConflicts` output fits as is. */
  readonly conflicts: readonly { readonly judgeId: string; readonly entryId: string }[];
  /** The round's assignments (recused ones included: a judge who recused from the entry has it). */
  readonly existing: readonly JudgeAssignment[];
  /** Breaks ties between equally loaded judges, reproducibly. */
  readonly seed: string | number;
}

export type ExtraJudgeResult =
  | { readonly ok: true; readonly judgeId: string; readonly load: number }
  | { readonly ok: false; readonly reason: 'no_judge_without_conflict' };

/**
 * The judge added to an entry by divergence review: among the judges without a conflict who do
 * not already have the entry, the least loaded in the round; equal loads are settled by the seeded
 * generator the assignment uses, so extra work spreads over the jury instead of always falling on
 * the judge whose id sorts first. Eligibility and loads come from the same problem builder as
 * `assignJudges`, so both read conflicts and existing assignments alike.
 */
export function pickExtraJudge(input: ExtraJudgeInput): ExtraJudgeResult {
  const entries = input.entries.some((entry) => entry.id === input.entryId) ? input.entries : [...input.entries, { id: input.entryId }];
  const problem = buildAssignmentProblem({
    entries,
    judges: input.judges,
    conflicts: input.conflicts,
    existing: input.existing,
    seed: input.seed,
    judgesPerEntry: 0,
  });
  const entry = problem.entryIds.indexOf(input.entryId);
  const random = createSeededRandom(input.seed);
  let best = -1;
  let bestKey = Infinity;
  const eligible = problem.eligibleJudges.subarray(cell(problem.eligibleStart, entry), cell(problem.eligibleStart, entry + 1));
  for (const judge of eligible) {
    const key = cell(problem.existingLoad, judge) * 2 ** 32 + random();
    if (key < bestKey) {
      bestKey = key;
      best = judge;
    }
  }
  if (best < 0) return { ok: false, reason: 'no_judge_without_conflict' };
  return { ok: true, judgeId: known(problem.judgeIds[best], 'the id of the picked judge'), load: cell(problem.existingLoad, best) };
}
