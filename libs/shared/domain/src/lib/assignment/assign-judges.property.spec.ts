import fc from 'fast-check';
import { assignJudges } from './assign-judges';
import type { AssignmentInput, AssignmentResult } from './assignment.types';
import { known } from '../util/known';

/** A contest as matrices, so the checks below can be written without the code under test. */
interface Contest {
  readonly entryCount: number;
  readonly judgeCount: number;
  readonly k: number;
  readonly seed: number;
  /** [entry][judge] */
  readonly conflicted: readonly (readonly boolean[])[];
  readonly existing: readonly (readonly boolean[])[];
}

const entryId = (entry: number): string => `e${entry}`;
const judgeId = (judge: number): string => `j${judge}`;

const matrix = (entryCount: number, judgeCount: number, rate: fc.Arbitrary<number>): fc.Arbitrary<boolean[][]> =>
  fc
    .tuple(
      fc.array(rate, { minLength: judgeCount, maxLength: judgeCount }),
      fc.array(fc.array(fc.integer({ min: 0, max: 99 }), { minLength: judgeCount, maxLength: judgeCount }), {
        minLength: entryCount,
        maxLength: entryCount,
      }),
    )
    .map(([perJudge, draws]) => draws.map((row) => row.map((draw, judge) => draw < known(perJudge[judge], "a judge's rate"))));

/**
 * Entries 1..60, judges 1..15, k 1..4. Each judge gets its own conflict rate, so some contests
 * have experts who may judge only a few entries: the cases where a greedy pass leaves loads uneven.
 */
const contests = (withExisting: boolean): fc.Arbitrary<Contest> =>
  fc
    .record({
      entryCount: fc.integer({ min: 1, max: 60 }),
      judgeCount: fc.integer({ min: 1, max: 15 }),
      k: fc.integer({ min: 1, max: 4 }),
      seed: fc.integer(),
    })
    .chain((size) =>
      fc.record({
        entryCount: fc.constant(size.entryCount),
        judgeCount: fc.constant(size.judgeCount),
        k: fc.constant(size.k),
        seed: fc.constant(size.seed),
        conflicted: matrix(
          size.entryCount,
          size.judgeCount,
          fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 100 })),
        ),
        existing: withExisting
          ? matrix(size.entryCount, size.judgeCount, fc.integer({ min: 0, max: 30 }))
          : fc.constant(Array.from({ length: size.entryCount }, () => new Array<boolean>(size.judgeCount).fill(false))),
      }),
    );

function toInput(contest: Contest, mode: 'assigned' | 'complete' = 'assigned'): AssignmentInput {
  const pairsWhere = (cells: readonly (readonly boolean[])[]) =>
    cells.flatMap((row, entry) => row.flatMap((set, judge) => (set ? [{ entryId: entryId(entry), judgeId: judgeId(judge) }] : [])));
  return {
    mode,
    entries: Array.from({ length: contest.entryCount }, (_, entry) => ({ id: entryId(entry) })),
    judges: Array.from({ length: contest.judgeCount }, (_, judge) => ({ id: judgeId(judge) })),
    conflicts: pairsWhere(contest.conflicted),
    existing: pairsWhere(contest.existing),
    judgesPerEntry: contest.k,
    seed: contest.seed,
  };
}

const rowOf = (matrix: readonly (readonly boolean[])[], entry: number): readonly boolean[] => known(matrix[entry], "an entry's row");
const existingCount = (c: Contest, entry: number): number => rowOf(c.existing, entry).filter(Boolean).length;
const existingLoad = (c: Contest, judge: number): number => c.existing.filter((row) => row[judge]).length;
const open = (c: Contest, entry: number, judge: number): boolean => !rowOf(c.conflicted, entry)[judge] && !rowOf(c.existing, entry)[judge];
const available = (c: Contest, entry: number): number => rowOf(c.conflicted, entry).filter((_, judge) => open(c, entry, judge)).length;
const seatsToFill = (c: Contest, entry: number): number => Math.max(0, c.k - existingCount(c, entry));

/** Edmonds–Karp on an adjacency matrix: plenty for 80 nodes, and simple enough to trust. */
function maxFlow(capacity: number[][], source: number, sink: number): number {
  const size = capacity.length;
  let total = 0;
  for (;;) {
    const parent = new Array<number>(size).fill(-1);
    const parentOf = (v: number): number => known(parent[v], 'a parent on the path');
    parent[source] = source;
    const queue = [source];
    for (let head = 0; head < queue.length && parent[sink] === -1; head++) {
      const u = known(queue[head], 'a queued node');
      for (let v = 0; v < size; v++) {
        if (parent[v] === -1 && arcOf(capacity, u, v) > 0) {
          parent[v] = u;
          queue.push(v);
        }
      }
    }
    if (parent[sink] === -1) return total;
    let bottleneck = Infinity;
    for (let v = sink; v !== source; v = parentOf(v)) bottleneck = Math.min(bottleneck, arcOf(capacity, parentOf(v), v));
    for (let v = sink; v !== source; v = parentOf(v)) {
      addTo(capacity, parentOf(v), v, -bottleneck);
      addTo(capacity, v, parentOf(v), bottleneck);
    }
    total += bottleneck;
  }
}

const arcOf = (capacity: number[][], from: number, to: number): number => known(capacity[from]?.[to], 'an arc of the network');
function addTo(capacity: number[][], from: number, to: number, amount: number): void {
  known(capacity[from], 'a node of the network')[to] = arcOf(capacity, from, to) + amount;
}

/**
 * Can the open seats be filled without conflicts so that every judge's total load lies in
 * [low, high]? A flow with lower bounds on the judge → sink arcs, reduced to a plain max flow.
 */
function canBalanceWithin(c: Contest, low: number, high: number): boolean {
  const [source, sink, superSource, superSink] = [0, 1, 2, 3];
  const entryNode = (entry: number) => 4 + entry;
  const judgeNode = (judge: number) => 4 + c.entryCount + judge;
  const size = 4 + c.entryCount + c.judgeCount;
  const capacity = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const excess = new Array<number>(size).fill(0);
  const arc = (from: number, to: number, lower: number, upper: number) => {
    addTo(capacity, from, to, upper - lower);
    excess[to] = known(excess[to], "a node's excess") + lower;
    excess[from] = known(excess[from], "a node's excess") - lower;
  };

  for (let entry = 0; entry < c.entryCount; entry++) {
    const seats = seatsToFill(c, entry);
    arc(source, entryNode(entry), seats, seats);
    for (let judge = 0; judge < c.judgeCount; judge++) if (open(c, entry, judge)) arc(entryNode(entry), judgeNode(judge), 0, 1);
  }
  for (let judge = 0; judge < c.judgeCount; judge++) {
    const held = existingLoad(c, judge);
    const lower = Math.max(0, low - held);
    const upper = high - held;
    if (upper < lower) return false;
    arc(judgeNode(judge), sink, lower, upper);
  }
  arc(sink, source, 0, Number.MAX_SAFE_INTEGER);

  let required = 0;
  excess.forEach((amount, node) => {
    if (amount > 0) {
      addTo(capacity, superSource, node, amount);
      required += amount;
    } else if (amount < 0) addTo(capacity, node, superSink, -amount);
  });
  return maxFlow(capacity, superSource, superSink) === required;
}

/** Checks the result against the contest; returns the loads for further checks. */
function expectValidAssignment(c: Contest, result: AssignmentResult): number[] {
  const feasible = Array.from({ length: c.entryCount }, (_, entry) => available(c, entry) >= seatsToFill(c, entry)).every(Boolean);
  if (!result.ok) {
    expect(feasible).toBe(false);
    expect(result).not.toHaveProperty('assignments');
    const short = Array.from({ length: c.entryCount }, (_, entry) => entry).filter((entry) => available(c, entry) < seatsToFill(c, entry));
    expect(result.unassignable).toEqual(
      short.map((entry) => ({
        entryId: entryId(entry),
        needed: seatsToFill(c, entry),
        available: available(c, entry),
        reason: 'not_enough_judges_without_conflict',
      })),
    );
    return [];
  }
  expect(feasible).toBe(true);

  const panels = Array.from({ length: c.entryCount }, () => new Set<number>());
  const loads = Array.from({ length: c.judgeCount }, (_, judge) => existingLoad(c, judge));
  for (const { entryId: e, judgeId: j } of result.assignments) {
    const entry = Number(e.slice(1));
    const judge = Number(j.slice(1));
    expect(open(c, entry, judge)).toBe(true);
    const panel = known(panels[entry], "the entry's panel");
    expect(panel.has(judge)).toBe(false);
    panel.add(judge);
    loads[judge] = known(loads[judge], "the judge's load") + 1;
  }
  panels.forEach((panel, entry) => expect(panel.size).toBe(seatsToFill(c, entry)));
  expect(result.perJudgeLoad).toEqual(Object.fromEntries(loads.map((load, judge) => [judgeId(judge), load])));
  return loads;
}

function expectSmallestSpread(c: Contest, loads: number[]): void {
  const low = Math.min(...loads);
  const high = Math.max(...loads);
  const average = loads.reduce((sum, load) => sum + load, 0) / loads.length;
  expect(canBalanceWithin(c, low, high)).toBe(true);
  if (canBalanceWithin(c, Math.floor(average), Math.ceil(average))) expect(high - low).toBeLessThanOrEqual(1);
  // Any tighter window must still contain the average load, which leaves few to try.
  const width = high - low - 1;
  for (let from = Math.max(0, Math.ceil(average) - width); from <= Math.floor(average); from++) {
    expect(canBalanceWithin(c, from, from + width)).toBe(false);
  }
}

describe('assignJudges over random contests', () => {
  it('seats k judges without conflict on every entry, with the smallest spread of loads, whenever it can', () => {
    fc.assert(
      fc.property(contests(false), (c) => {
        const loads = expectValidAssignment(c, assignJudges(toInput(c)));
        if (loads.length > 0) expectSmallestSpread(c, loads);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps existing assignments and balances the totals', () => {
    fc.assert(
      fc.property(contests(true), (c) => {
        const result = assignJudges(toInput(c));
        const loads = expectValidAssignment(c, result);
        if (loads.length > 0) expectSmallestSpread(c, loads);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same answer for the same seed', () => {
    fc.assert(
      fc.property(contests(true), (c) => {
        expect(assignJudges(toInput(c))).toEqual(assignJudges(toInput(c)));
      }),
      { numRuns: 50 },
    );
  });

  it('in complete mode seats every judge on every entry but its conflicts', () => {
    fc.assert(
      fc.property(contests(true), (c) => {
        const result = assignJudges(toInput(c, 'complete'));
        const entries = Array.from({ length: c.entryCount }, (_, entry) => entry);
        const empty = entries.filter((entry) => available(c, entry) + existingCount(c, entry) === 0);
        if (!result.ok) {
          expect(result.unassignable.map((row) => row.entryId)).toEqual(empty.map(entryId));
          return;
        }
        expect(empty).toEqual([]);
        const expected = entries.flatMap((entry) =>
          Array.from({ length: c.judgeCount }, (_, judge) => judge)
            .filter((judge) => open(c, entry, judge))
            .map((judge) => `${entryId(entry)}/${judgeId(judge)}`),
        );
        expect(result.assignments.map((a) => `${a.entryId}/${a.judgeId}`).sort()).toEqual(expected.sort());
      }),
      { numRuns: 100 },
    );
  });
});
