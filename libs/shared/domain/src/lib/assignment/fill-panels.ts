import type { AssignmentProblem } from './assignment-problem';
import { cell, type Panels } from './panels';
import type { NextUint32 } from './seeded-random';

/** Priority in the high part, a random number in the low part, so equal priorities tie by chance. */
const TIE_BREAK_RANGE = 2 ** 32;
/** Above this panel size a sort beats keeping the best few by insertion. */
const INSERTION_LIMIT = 16;
/** A judge is urgent once the entries still to come are fewer than twice its shortfall. */
const URGENCY = 2;

/**
 * A first, nearly even seating that `balanceLoads` then makes exact: entries with the fewest
 * spare judges go first, and each takes its least-loaded judges, urgent judges before all.
 * Random tie-breaks matter beyond fairness: they make panels overlap across the whole jury, and
 * per-judge normalization needs judges who share entries.
 */
export function fillPanels(problem: AssignmentProblem, panels: Panels, random: NextUint32): void {
  const { eligibleStart, eligibleJudges } = problem;
  const { seatStart, seatJudge, load } = panels;
  const entryCount = seatStart.length - 1;

  const slackKey = new Float64Array(entryCount);
  for (let entry = 0; entry < entryCount; entry++) {
    const seats = cell(seatStart, entry + 1) - cell(seatStart, entry);
    const slack = cell(eligibleStart, entry + 1) - cell(eligibleStart, entry) - seats;
    slackKey[entry] = slack * TIE_BREAK_RANGE + random();
  }
  const order = Int32Array.from({ length: entryCount }, (_, entry) => entry).sort((a, b) => cell(slackKey, a) - cell(slackKey, b));

  // A judge who can sit on only a few of the entries still to come must get most of them, or it
  // ends far below the others (experts conflicted with most of the field, for instance).
  const remaining = new Int32Array(load.length);
  for (const judge of eligibleJudges) remaining[judge] = cell(remaining, judge) + 1;
  const average = (cell(seatStart, entryCount) + load.reduce((sum, value) => sum + value, 0)) / Math.max(1, load.length);
  const priority = (judge: number): number => {
    const judgeLoad = cell(load, judge);
    const judgeRemaining = cell(remaining, judge);
    const shortfall = average - judgeLoad;
    const urgent = shortfall > 0 && judgeRemaining < shortfall * URGENCY;
    return (urgent ? -shortfall / judgeRemaining : judgeLoad) * TIE_BREAK_RANGE + random();
  };

  const score = new Float64Array(load.length);
  const bestScore = new Float64Array(INSERTION_LIMIT);
  const bestJudge = new Int32Array(INSERTION_LIMIT);
  for (const entry of order) {
    const firstSeat = cell(seatStart, entry);
    const seats = cell(seatStart, entry + 1) - firstSeat;
    const eligible = eligibleJudges.subarray(cell(eligibleStart, entry), cell(eligibleStart, entry + 1));

    if (seats > INSERTION_LIMIT) {
      const candidates = eligible.slice();
      for (const judge of candidates) score[judge] = priority(judge);
      candidates.sort((a, b) => cell(score, a) - cell(score, b));
      seatJudge.set(candidates.subarray(0, seats), firstSeat);
    } else if (seats > 0) {
      let kept = 0;
      for (const judge of eligible) {
        const value = priority(judge);
        if (kept === seats && value >= cell(bestScore, seats - 1)) continue;
        let at = kept < seats ? kept++ : seats - 1;
        while (at > 0 && cell(bestScore, at - 1) > value) {
          bestScore[at] = cell(bestScore, at - 1);
          bestJudge[at] = cell(bestJudge, at - 1);
          at--;
        }
        bestScore[at] = value;
        bestJudge[at] = judge;
      }
      seatJudge.set(bestJudge.subarray(0, seats), firstSeat);
    }
    for (const judge of seatJudge.subarray(firstSeat, firstSeat + seats)) load[judge] = cell(load, judge) + 1;
    for (const judge of eligible) remaining[judge] = cell(remaining, judge) - 1;
  }
}
