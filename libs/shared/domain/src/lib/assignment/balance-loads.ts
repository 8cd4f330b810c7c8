import type { AssignmentProblem } from './assignment-problem';
import type { Panels } from './panels';

/**
 * Moves seats along alternating paths until the loads are as even as the conflicts allow.
 *
 * A path from judge A to judge Z hands one of A's entries to B, one of B's to C, ..., so only A
 * (one fewer) and Z (one more) change load and every panel stays valid. While a most-loaded judge
 * can reach a judge two or more below it, the maximum can still come down; when none can, the
 * judges it reaches already hold the least total their entries allow, so the maximum is the
 * lowest possible. The same argument, run backwards from the least-loaded judges, settles the
 * minimum. Lowest maximum and highest minimum together give the smallest spread; every move
 * lowers the sum of squared loads, so the loop ends.
 *
 * One search serves many moves, as in Hopcroft–Karp: a path is taken only if none of its entries
 * changed since the search began. A first round searches from every judge above the average at
 * once, which does most of the work when the greedy fill left a wide spread; the rounds from the
 * extremes then finish, and their last, empty search is the proof.
 */
export function balanceLoads(problem: AssignmentProblem, panels: Panels): void {
  const { load } = panels;
  if (load.length === 0) return;
  const search = new PathSearch(problem, panels);
  const aboveAverage = Math.floor(load.reduce((sum, value) => sum + value, 0) / load.length) + 1;
  while (spreadAboveOne(load) && search.relieveFrom(aboveAverage) > 0) {
    // repeat while moves are found
  }
  while (spreadAboveOne(load) && search.relieveFrom(maxOf(load)) > 0) {
    // repeat while moves are found
  }
  while (spreadAboveOne(load) && search.feedFrom(minOf(load)) > 0) {
    // repeat while moves are found
  }
}

function spreadAboveOne(load: Int32Array): boolean {
  return load.length > 0 && maxOf(load) - minOf(load) > 1;
}

function maxOf(values: Int32Array): number {
  let max = values[0];
  for (const value of values) if (value > max) max = value;
  return max;
}

function minOf(values: Int32Array): number {
  let min = values[0];
  for (const value of values) if (value < min) min = value;
  return min;
}

class PathSearch {
  private readonly judgeCount: number;
  private readonly entryCount: number;
  private readonly queue: Int32Array;
  private readonly judgeSeen: Int32Array;
  private readonly entrySeen: Int32Array;
  private readonly entryMoved: Int32Array;
  private readonly onPanel: Int32Array;
  /** Forward search: the entry a judge was reached through. Backward: the seat it was reached by. */
  private readonly judgeVia: Int32Array;
  /** Forward search: the seat an entry was reached by. Backward: the judge that reached it. */
  private readonly entryVia: Int32Array;
  private epoch = 0;
  private panelEpoch = 0;
  private eligibleEntries: [Int32Array, Int32Array] | null = null;

  constructor(
    private readonly problem: AssignmentProblem,
    private readonly panels: Panels,
  ) {
    this.judgeCount = panels.load.length;
    this.entryCount = panels.seatStart.length - 1;
    this.queue = new Int32Array(this.judgeCount);
    this.judgeSeen = new Int32Array(this.judgeCount);
    this.entrySeen = new Int32Array(this.entryCount);
    this.entryMoved = new Int32Array(this.entryCount);
    this.onPanel = new Int32Array(this.judgeCount);
    this.judgeVia = new Int32Array(this.judgeCount);
    this.entryVia = new Int32Array(this.entryCount);
  }

  /** Searches from the judges loaded `sourceLoad` or more towards judges two below them; returns the moves made. */
  relieveFrom(sourceLoad: number): number {
    const { load, seatEntry } = this.panels;
    const { eligibleStart, eligibleJudges } = this.problem;
    const { queue, judgeSeen, entrySeen, entryMoved, onPanel, judgeVia, entryVia } = this;
    const max = maxOf(load);
    const epoch = ++this.epoch;
    const [seatsOfStart, seatsOf] = this.seatsByJudge();
    let moves = 0;

    let tail = this.enqueueJudges((judgeLoad) => judgeLoad >= sourceLoad, epoch);
    for (let head = 0; head < tail; head++) {
      const giver = queue[head];
      for (let k = seatsOfStart[giver]; k < seatsOfStart[giver + 1]; k++) {
        const seat = seatsOf[k];
        const entry = seatEntry[seat];
        if (entrySeen[entry] === epoch || entryMoved[entry] === epoch) continue;
        entrySeen[entry] = epoch;
        entryVia[entry] = seat;
        const panel = this.markPanel(entry);
        for (let i = eligibleStart[entry]; i < eligibleStart[entry + 1]; i++) {
          const taker = eligibleJudges[i];
          if (judgeSeen[taker] === epoch || onPanel[taker] === panel) continue;
          judgeSeen[taker] = epoch;
          judgeVia[taker] = entry;
          queue[tail++] = taker;
          if (load[taker] <= max - 2 && this.shiftTowards(taker, epoch)) moves++;
        }
      }
    }
    return moves;
  }

  /** Searches back from the judges loaded `sourceLoad` or less towards judges two above them; returns the moves made. */
  feedFrom(sourceLoad: number): number {
    const { load, seatStart, seatJudge } = this.panels;
    const { queue, judgeSeen, entrySeen, entryMoved, onPanel, judgeVia, entryVia } = this;
    const min = minOf(load);
    const epoch = ++this.epoch;
    const [entriesStart, entriesOf] = this.eligibleEntriesByJudge();
    let moves = 0;

    let tail = this.enqueueJudges((judgeLoad) => judgeLoad <= sourceLoad, epoch);
    for (let head = 0; head < tail; head++) {
      const taker = queue[head];
      for (let k = entriesStart[taker]; k < entriesStart[taker + 1]; k++) {
        const entry = entriesOf[k];
        if (entrySeen[entry] === epoch || entryMoved[entry] === epoch) continue;
        const panel = this.markPanel(entry);
        // A judge already on the panel cannot take another of its seats; another judge still may.
        if (onPanel[taker] === panel) continue;
        entrySeen[entry] = epoch;
        entryVia[entry] = taker;
        for (let seat = seatStart[entry]; seat < seatStart[entry + 1]; seat++) {
          const giver = seatJudge[seat];
          if (judgeSeen[giver] === epoch) continue;
          judgeSeen[giver] = epoch;
          judgeVia[giver] = seat;
          queue[tail++] = giver;
          if (load[giver] >= min + 2 && this.shiftFrom(giver, epoch)) moves++;
        }
      }
    }
    return moves;
  }

  private enqueueJudges(isSource: (load: number) => boolean, epoch: number): number {
    let tail = 0;
    for (let judge = 0; judge < this.judgeCount; judge++) {
      if (!isSource(this.panels.load[judge])) continue;
      this.judgeSeen[judge] = epoch;
      this.judgeVia[judge] = -1;
      this.queue[tail++] = judge;
    }
    return tail;
  }

  /** Moves one seat along the search tree from its root to `lastTaker`, if that path is still intact. */
  private shiftTowards(lastTaker: number, epoch: number): boolean {
    const { load, seatJudge } = this.panels;
    const { judgeVia, entryVia, entryMoved } = this;
    let giver = lastTaker;
    do {
      const entry = judgeVia[giver];
      if (entryMoved[entry] === epoch) return false;
      giver = seatJudge[entryVia[entry]];
    } while (judgeVia[giver] !== -1);
    if (load[giver] < load[lastTaker] + 2) return false;

    load[giver]--;
    load[lastTaker]++;
    let taker = lastTaker;
    do {
      const entry = judgeVia[taker];
      const seat = entryVia[entry];
      const nextTaker = seatJudge[seat];
      seatJudge[seat] = taker;
      entryMoved[entry] = epoch;
      taker = nextTaker;
    } while (judgeVia[taker] !== -1);
    return true;
  }

  /** Moves one seat along the search tree from `firstGiver` to its root, if that path is still intact. */
  private shiftFrom(firstGiver: number, epoch: number): boolean {
    const { load, seatEntry, seatJudge } = this.panels;
    const { judgeVia, entryVia, entryMoved } = this;
    let taker = firstGiver;
    do {
      const entry = seatEntry[judgeVia[taker]];
      if (entryMoved[entry] === epoch) return false;
      taker = entryVia[entry];
    } while (judgeVia[taker] !== -1);
    if (load[firstGiver] < load[taker] + 2) return false;

    load[firstGiver]--;
    load[taker]++;
    let giver = firstGiver;
    do {
      const seat = judgeVia[giver];
      const entry = seatEntry[seat];
      const nextGiver = entryVia[entry];
      seatJudge[seat] = nextGiver;
      entryMoved[entry] = epoch;
      giver = nextGiver;
    } while (judgeVia[giver] !== -1);
    return true;
  }

  private markPanel(entry: number): number {
    const { seatStart, seatJudge } = this.panels;
    const panel = ++this.panelEpoch;
    for (let seat = seatStart[entry]; seat < seatStart[entry + 1]; seat++) this.onPanel[seatJudge[seat]] = panel;
    return panel;
  }

  /** Rebuilt for every search: seats change hands after each move. */
  private seatsByJudge(): [Int32Array, Int32Array] {
    const { seatJudge } = this.panels;
    const start = new Int32Array(this.judgeCount + 1);
    for (const judge of seatJudge) start[judge + 1]++;
    for (let judge = 0; judge < this.judgeCount; judge++) start[judge + 1] += start[judge];
    const cursor = start.slice(0, this.judgeCount);
    const seats = new Int32Array(seatJudge.length);
    seatJudge.forEach((judge, seat) => (seats[cursor[judge]++] = seat));
    return [start, seats];
  }

  /** Eligibility never changes, so it is inverted once. */
  private eligibleEntriesByJudge(): [Int32Array, Int32Array] {
    if (this.eligibleEntries) return this.eligibleEntries;
    const { eligibleStart, eligibleJudges } = this.problem;
    const start = new Int32Array(this.judgeCount + 1);
    for (const judge of eligibleJudges) start[judge + 1]++;
    for (let judge = 0; judge < this.judgeCount; judge++) start[judge + 1] += start[judge];
    const cursor = start.slice(0, this.judgeCount);
    const entries = new Int32Array(eligibleJudges.length);
    for (let entry = 0; entry < this.entryCount; entry++) {
      for (let i = eligibleStart[entry]; i < eligibleStart[entry + 1]; i++)
        entries[cursor[eligibleJudges[i]]++] = entry;
    }
    this.eligibleEntries = [start, entries];
    return this.eligibleEntries;
  }
}
