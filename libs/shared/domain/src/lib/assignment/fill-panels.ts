import type { AssignmentProblem } from './assignment-problem';
import type { Panels } from './panels';
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
    const seats = seatStart[entry + 1] - seatStart[entry];
    const slack = eligibleStart[entry + 1] - eligibleStart[entry] - seats;
    slackKey[entry] = slack * TIE_BREAK_RANGE + random();
  }
  const order = Int32Array.from({ length: entryCount }, (_, entry) => entry).sort((a, b) => slackKey[a] - slackKey[b]);

  // A judge who can sit on only a few of the entries still to come must get most of them, or it
  // ends far below the others (experts conflicted with most of the field, for instance).
  const remaining = new Int32Array(load.length);
  for (const judge of eligibleJudges) remaining[judge]++;
  const average = (seatStart[entryCount] + load.reduce((sum, value) => sum + value, 0)) / Math.max(1, load.length);
  const priority = (judge: number): number => {
    const shortfall = average - load[judge];
    const urgent = shortfall > 0 && remaining[judge] < shortfall * URGENCY;
    return (urgent ? -shortfall / remaining[judge] : load[judge]) * TIE_BREAK_RANGE + random();
  };

  const score = new Float64Array(load.length);
  const bestScore = new Float64Array(INSERTION_LIMIT);
  const bestJudge = new Int32Array(INSERTION_LIMIT);
  for (const entry of order) {
    const seats = seatStart[entry + 1] - seatStart[entry];
    const from = eligibleStart[entry];
    const to = eligibleStart[entry + 1];

    if (seats > INSERTION_LIMIT) {
      const candidates = eligibleJudges.slice(from, to);
      for (const judge of candidates) score[judge] = priority(judge);
      candidates.sort((a, b) => score[a] - score[b]);
      seatJudge.set(candidates.subarray(0, seats), seatStart[entry]);
    } else if (seats > 0) {
      let kept = 0;
      for (let i = from; i < to; i++) {
        const judge = eligibleJudges[i];
        const value = priority(judge);
        if (kept === seats && value >= bestScore[seats - 1]) continue;
        let at = kept < seats ? kept++ : seats - 1;
        while (at > 0 && bestScore[at - 1] > value) {
          bestScore[at] = bestScore[at - 1];
          bestJudge[at] = bestJudge[at - 1];
          at--;
        }
        bestScore[at] = value;
        bestJudge[at] = judge;
      }
      seatJudge.set(bestJudge.subarray(0, seats), seatStart[entry]);
    }
    for (let seat = seatStart[entry]; seat < seatStart[entry + 1]; seat++) load[seatJudge[seat]]++;
    for (let i = from; i < to; i++) remaining[eligibleJudges[i]]--;
  }
}
