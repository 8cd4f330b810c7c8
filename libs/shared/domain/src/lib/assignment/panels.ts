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
  for (let entry = 0; entry < entryCount; entry++) seatStart[entry + 1] = seatStart[entry] + seatsPerEntry[entry];
  const seatEntry = new Int32Array(seatStart[entryCount]);
  for (let entry = 0; entry < entryCount; entry++) seatEntry.fill(entry, seatStart[entry], seatStart[entry + 1]);
  return { seatStart, seatEntry, seatJudge: new Int32Array(seatEntry.length).fill(-1), load: existingLoad.slice() };
}
