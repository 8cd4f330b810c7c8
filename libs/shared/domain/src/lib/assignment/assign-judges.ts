import { buildAssignmentProblem, type AssignmentProblem } from './assignment-problem';
import type { AssignmentInput, AssignmentResult, JudgeAssignment, UnassignableEntry } from './assignment.types';
import { balanceLoads } from './balance-loads';
import { fillPanels } from './fill-panels';
import { cell, createPanels, type Panels } from './panels';
import { createSeededRandom } from './seeded-random';
import { known } from '../util/known';

/**
 * Gives every entry its panel: `judgesPerEntry` distinct judges without a conflict (or, for a
 * `complete` panel, every judge without one), keeping existing assignments, with loads as even as
 * the conflicts allow and panels that overlap. Nothing is assigned unless every entry can be.
 */
export function assignJudges(input: AssignmentInput): AssignmentResult {
  const problem = buildAssignmentProblem(input);
  const complete = input.mode === 'complete';
  const seats = complete ? seatsForCompletePanels(problem) : seatsForAssignedPanels(problem, input.judgesPerEntry);

  const unassignable = Array.from(problem.entryIndexOfRow).flatMap((entry) => unassignableEntry(problem, seats, complete, entry));
  if (unassignable.length > 0) return { ok: false, unassignable };

  const panels = createPanels(seats, problem.existingLoad);
  if (complete) {
    panels.seatJudge.set(problem.eligibleJudges);
    for (const judge of problem.eligibleJudges) panels.load[judge] = cell(panels.load, judge) + 1;
  } else {
    fillPanels(problem, panels, createSeededRandom(input.seed));
    balanceLoads(problem, panels);
  }

  return {
    ok: true,
    assignments: Array.from(problem.entryIndexOfRow).flatMap((entry) => newAssignments(problem, panels, entry)),
    perJudgeLoad: Object.fromEntries(Array.from(problem.judgeIndexOfRow, (judge) => [judgeId(problem, judge), cell(panels.load, judge)])),
    conflictsAvoided: problem.conflictsAvoided,
  };
}

function eligibleCount(problem: AssignmentProblem, entry: number): number {
  return cell(problem.eligibleStart, entry + 1) - cell(problem.eligibleStart, entry);
}

function seatsForAssignedPanels(problem: AssignmentProblem, judgesPerEntry: number): Int32Array {
  if (!Number.isInteger(judgesPerEntry) || judgesPerEntry < 0) {
    throw new RangeError(`judgesPerEntry must be a whole number of at least 0, not ${judgesPerEntry}.`);
  }
  return Int32Array.from(problem.existingPerEntry, (existing) => Math.max(0, judgesPerEntry - existing));
}

function seatsForCompletePanels(problem: AssignmentProblem): Int32Array {
  return Int32Array.from(problem.existingPerEntry, (_, entry) => eligibleCount(problem, entry));
}

function unassignableEntry(problem: AssignmentProblem, seats: Int32Array, complete: boolean, entry: number): UnassignableEntry[] {
  const entryId = known(problem.entryIds[entry], 'the id of an indexed entry');
  const available = eligibleCount(problem, entry);
  if (complete) {
    return available + cell(problem.existingPerEntry, entry) === 0
      ? [{ entryId, needed: 1, available: 0, reason: 'no_judge_without_conflict' }]
      : [];
  }
  const needed = cell(seats, entry);
  return available < needed ? [{ entryId, needed, available, reason: 'not_enough_judges_without_conflict' }] : [];
}

function newAssignments(problem: AssignmentProblem, panels: Panels, entry: number): JudgeAssignment[] {
  const entryId = known(problem.entryIds[entry], 'the id of an indexed entry');
  return Array.from(panels.seatJudge.subarray(cell(panels.seatStart, entry), cell(panels.seatStart, entry + 1)))
    .sort((a, b) => a - b)
    .map((judge) => ({ entryId, judgeId: judgeId(problem, judge) }));
}

function judgeId(problem: AssignmentProblem, judge: number): string {
  return known(problem.judgeIds[judge], 'the id of an indexed judge');
}
