import type { AssignmentProblem } from './assignment-problem';
import { cell, type Panels } from './panels';

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
  let max = cell(values, 0);
  for (const value of values) if (value > max) max = value;
  return max;
}

function minOf(values: Int32Array): number {
  let min = cell(values, 0);
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
      const giver = cell(queue, head);
      for (let k = cell(seatsOfStart, giver); k < cell(seatsOfStart, giver + 1); k++) {
        const seat = cell(seatsOf, k);
        const entry = cell(seatEntry, seat);
        if (entrySeen[entry] === epoch || entryMoved[entry] === epoch) continue;
        entrySeen[entry] = epoch;
        entryVia[entry] = seat;
        const panel = this.markPanel(entry);
        for (let i = cell(eligibleStart, entry); i < cell(eligibleStart, entry + 1); i++) {
          const taker = cell(eligibleJudges, i);
          if (judgeSeen[taker] === epoch || onPanel[taker] === panel) continue;
          judgeSeen[taker] = epoch;
          judgeVia[taker] = entry;
          queue[tail++] = taker;
          if (cell(load, taker) <= max - 2 && this.shiftTowards(taker, epoch)) moves++;
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
      const taker = cell(queue, head);
      for (let k = cell(entriesStart, taker); k < cell(entriesStart, taker + 1); k++) {
        const entry = cell(entriesOf, k);
        if (entrySeen[entry] === epoch || entryMoved[entry] === epoch) continue;
        const panel = this.markPanel(entry);
        // A judge already on the panel cannot take another of its seats; another judge still may.
        if (onPanel[taker] === panel) continue;
        entrySeen[entry] = epoch;
        entryVia[entry] = taker;
        for (let seat = cell(seatStart, entry); seat < cell(seatStart, entry + 1); seat++) {
          const giver = cell(seatJudge, seat);
          if (judgeSeen[giver] === epoch) continue;
          judgeSeen[giver] = epoch;
          judgeVia[giver] = seat;
          queue[tail++] = giver;
          if (cell(load, giver) >= min + 2 && this.shiftFrom(giver, epoch)) moves++;
        }
      }
    }
    return moves;
  }

  private enqueueJudges(isSource: (load: number) => boolean, epoch: number): number {
    let tail = 0;
    for (let judge = 0; judge < this.judgeCount; judge++) {
      if (!isSource(cell(this.panels.load, judge))) continue;
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
      const entry = cell(judgeVia, giver);
      if (entryMoved[entry] === epoch) return false;
      giver = cell(seatJudge, cell(entryVia, entry));
    } while (judgeVia[giver] !== -1);
    if (cell(load, giver) < cell(load, lastTaker) + 2) return false;

    load[giver] = cell(load, giver) - 1;
    load[lastTaker] = cell(load, lastTaker) + 1;
    let taker = lastTaker;
    do {
      const entry = cell(judgeVia, taker);
      const seat = cell(entryVia, entry);
      const nextTaker = cell(seatJudge, seat);
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
      const entry = cell(seatEntry, cell(judgeVia, taker));
      if (entryMoved[entry] === epoch) return false;
      taker = cell(entryVia, entry);
    } while (judgeVia[taker] !== -1);
    if (cell(load, firstGiver) < cell(load, taker) + 2) return false;

    load[firstGiver] = cell(load, firstGiver) - 1;
    load[taker] = cell(load, taker) + 1;
    let giver = firstGiver;
    do {
      const seat = cell(judgeVia, giver);
      const entry = cell(seatEntry, seat);
      const nextGiver = cell(entryVia, entry);
      seatJudge[seat] = nextGiver;
      entryMoved[entry] = epoch;
      giver = nextGiver;
    } while (judgeVia[giver] !== -1);
    return true;
  }

  private markPanel(entry: number): number {
    const { seatStart, seatJudge } = this.panels;
    const panel = ++this.panelEpoch;
    for (const judge of seatJudge.subarray(cell(seatStart, entry), cell(seatStart, entry + 1))) this.onPanel[judge] = panel;
    return panel;
  }

  /** Rebuilt for every search: seats change hands after each move. */
  private seatsByJudge(): [Int32Array, Int32Array] {
    const { seatJudge } = this.panels;
    const start = new Int32Array(this.judgeCount + 1);
    for (const judge of seatJudge) start[judge + 1] = cell(start, judge + 1) + 1;
    for (let judge = 0; judge < this.judgeCount; judge++) start[judge + 1] = cell(start, judge + 1) + cell(start, judge);
    const cursor = start.slice(0, this.judgeCount);
    const seats = new Int32Array(seatJudge.length);
    seatJudge.forEach((judge, seat) => {
      const at = cell(cursor, judge);
      cursor[judge] = at + 1;
      seats[at] = seat;
    });
    return [start, seats];
  }

  /** Eligibility never changes, so it is inverted once. */
  private eligibleEntriesByJudge(): [Int32Array, Int32Array] {
    if (this.eligibleEntries) return this.eligibleEntries;
    const { eligibleStart, eligibleJudges } = this.problem;
    const start = new Int32Array(this.judgeCount + 1);
    for (const judge of eligibleJudges) start[judge + 1] = cell(start, judge + 1) + 1;
    for (let judge = 0; judge < this.judgeCount; judge++) start[judge + 1] = cell(start, judge + 1) + cell(start, judge);
    const cursor = start.slice(0, this.judgeCount);
    const entries = new Int32Array(eligibleJudges.length);
    for (let entry = 0; entry < this.entryCount; entry++) {
      for (const judge of eligibleJudges.subarray(cell(eligibleStart, entry), cell(eligibleStart, entry + 1))) {
        const at = cell(cursor, judge);
        cursor[judge] = at + 1;
        entries[at] = entry;
      }
    }
    this.eligibleEntries = [start, entries];
    return this.eligibleEntries;
  }
}
