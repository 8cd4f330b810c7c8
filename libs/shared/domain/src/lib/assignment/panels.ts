import { known } from '../util/known';

/**
 * The seats to fill: entry `e` owns seats `seatStart[e]` up to `seatStart[e + 1]`, and
 * `seatJudge[s]` is the judge sitting in seat `s`. `load` counts existing and new assignments.
 */
export interface Panels {
  readonly seatStart: Int32Array;
  readonly seatEntry: Int32Array;
  readonly seatJudge: Int32Array;
  readonly load: Int32Array;
}

export function createPanels(seatsPerEntry: Int32Array, existingLoad: Int32Array): Panels {
  const entryCount = seatsPerEntry.length;
  const seatStart = new Int32Array(entryCount + 1);
  seatsPerEntry.forEach((seats, entry) => (seatStart[entry + 1] = cell(seatStart, entry) + seats));
  const seatEntry = new Int32Array(cell(seatStart, entryCount));
  for (let entry = 0; entry < entryCount; entry++) seatEntry.fill(entry, cell(seatStart, entry), cell(seatStart, entry + 1));
  return { seatStart, seatEntry, seatJudge: new Int32Array(seatEntry.length).fill(-1), load: existingLoad.slice() };
}

/**
 * A cell of one of the assignment's typed arrays. Every index the assignment reads comes from the
 * layout itself (an entry, judge or seat number below its count, or a bound of a compressed row),
 * so a missing cell is a bug: it throws instead of turning a load into NaN.
 */
export function cell(array: Int32Array | Float64Array, index: number): number {
  return known(array[index], 'a cell of the assignment arrays');
}
