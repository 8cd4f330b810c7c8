import type { AssignmentInput } from './assignment.types';
import { cell } from './panels';
import { known } from '../util/known';

/**
 * The input turned into indices and typed arrays. Entries and judges are sorted by id so that the
 * order in which rows come out of the database cannot change the result for a given seed.
 */
export interface AssignmentProblem {
  readonly entryIds: readonly string[];
  readonly judgeIds: readonly string[];
  /** The sorted index of each input row, in input order. */
  readonly entryIndexOfRow: Int32Array;
  readonly judgeIndexOfRow: Int32Array;
  /** Per entry, the judges who may still join it (no conflict, not on it yet), as CSR. */
  readonly eligibleStart: Int32Array;
  readonly eligibleJudges: Int32Array;
  readonly existingPerEntry: Int32Array;
  readonly existingLoad: Int32Array;
  readonly conflictsAvoided: number;
}

interface IndexedIds {
  readonly ids: string[];
  readonly index: Map<string, number>;
  readonly indexOfRow: Int32Array;
}

function indexIds(rows: readonly { readonly id: string }[], kind: string): IndexedIds {
  const ids = rows.map((row) => row.id).sort();
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (index.has(id)) throw new RangeError(`${kind} "${id}" is listed twice; list each ${kind.toLowerCase()} once.`);
    index.set(id, i);
  });
  return { ids, index, indexOfRow: Int32Array.from(rows, (row) => index.get(row.id) ?? -1) };
}

/** Compressed rows: for each owner, the values pushed for it, in push order. */
function groupBy(ownerCount: number, owners: number[], values: number[]): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(ownerCount + 1);
  for (const owner of owners) start[owner + 1] = cell(start, owner + 1) + 1;
  for (let i = 0; i < ownerCount; i++) start[i + 1] = cell(start, i + 1) + cell(start, i);
  const cursor = start.slice(0, ownerCount);
  const items = new Int32Array(owners.length);
  owners.forEach((owner, i) => {
    const at = cell(cursor, owner);
    cursor[owner] = at + 1;
    items[at] = known(values[i], 'the value pushed with an owner');
  });
  return { start, items };
}

export function buildAssignmentProblem(input: AssignmentInput): AssignmentProblem {
  const entries = indexIds(input.entries, 'Entry');
  const judges = indexIds(input.judges, 'Judge');
  const entryCount = entries.ids.length;
  const judgeCount = judges.ids.length;

  const existingPerEntry = new Int32Array(entryCount);
  const existingLoad = new Int32Array(judgeCount);
  const keptOwners: number[] = [];
  const keptJudges: number[] = [];
  const seen = new Set<string>();
  for (const row of input.existing ?? []) {
    const entry = entries.index.get(row.entryId);
    if (entry === undefined) continue;
    const key = `${entry}\u0000${row.judgeId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    existingPerEntry[entry] = cell(existingPerEntry, entry) + 1;
    const judge = judges.index.get(row.judgeId);
    if (judge === undefined) continue;
    existingLoad[judge] = cell(existingLoad, judge) + 1;
    keptOwners.push(entry);
    keptJudges.push(judge);
  }
  const kept = groupBy(entryCount, keptOwners, keptJudges);

  const conflictOwners: number[] = [];
  const conflictJudges: number[] = [];
  for (const conflict of input.conflicts) {
    const entry = entries.index.get(conflict.entryId);
    const judge = judges.index.get(conflict.judgeId);
    if (entry === undefined || judge === undefined) continue;
    conflictOwners.push(entry);
    conflictJudges.push(judge);
  }
  const conflicted = groupBy(entryCount, conflictOwners, conflictJudges);

  // A stamp per entry marks its blocked judges without clearing an array between entries.
  const blockedStamp = new Int32Array(judgeCount);
  const markBlocked = (entry: number): number => {
    const stamp = entry + 1;
    let newlyAvoided = 0;
    for (const judge of kept.items.subarray(cell(kept.start, entry), cell(kept.start, entry + 1))) blockedStamp[judge] = stamp;
    for (const judge of conflicted.items.subarray(cell(conflicted.start, entry), cell(conflicted.start, entry + 1))) {
      if (blockedStamp[judge] === stamp) continue;
      blockedStamp[judge] = stamp;
      newlyAvoided++;
    }
    return newlyAvoided;
  };

  let conflictsAvoided = 0;
  const eligibleStart = new Int32Array(entryCount + 1);
  for (let entry = 0; entry < entryCount; entry++) {
    const avoided = markBlocked(entry);
    conflictsAvoided += avoided;
    const blocked = avoided + (cell(kept.start, entry + 1) - cell(kept.start, entry));
    eligibleStart[entry + 1] = cell(eligibleStart, entry) + judgeCount - blocked;
  }
  blockedStamp.fill(0);
  const eligibleJudges = new Int32Array(cell(eligibleStart, entryCount));
  for (let entry = 0, cursor = 0; entry < entryCount; entry++) {
    markBlocked(entry);
    const stamp = entry + 1;
    for (let judge = 0; judge < judgeCount; judge++) if (blockedStamp[judge] !== stamp) eligibleJudges[cursor++] = judge;
  }

  return {
    entryIds: entries.ids,
    judgeIds: judges.ids,
    entryIndexOfRow: entries.indexOfRow,
    judgeIndexOfRow: judges.indexOfRow,
    eligibleStart,
    eligibleJudges,
    existingPerEntry,
    existingLoad,
    conflictsAvoided,
  };
}
