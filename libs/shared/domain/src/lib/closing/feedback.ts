/**
 * What an applicant may learn of their entry after publication, computed from plain rows.
 * Judges stay anonymous: they become "judge 1, 2, …" per entry.
 */

export interface JudgeSheetMark {
  /** Opaque to the applicant: only used to group a judge's sheets. */
  judgeKey: string;
  /** When the judge's sheet for this entry was submitted (ms since the epoch). */
  submittedAt: number;
  /** Breaks a tie of submission instants, e.g. the sheet id. */
  tieBreak: string;
}

/**
 * Numbers the judges of one entry 1, 2, … in the order of their first submitted sheet for it,
 * over every round: the numbers do not change between reads nor when a later round adds judges
 * (they come after), and they say nothing about who the judge is.
 */
export function numberJudges(sheets: readonly JudgeSheetMark[]): Map<string, number> {
  const first = new Map<string, JudgeSheetMark>();
  for (const sheet of sheets) {
    const seen = first.get(sheet.judgeKey);
    if (!seen || compareMarks(sheet, seen) < 0) first.set(sheet.judgeKey, sheet);
  }
  const ordered = [...first.values()].sort(compareMarks);
  return new Map(ordered.map((mark, i) => [mark.judgeKey, i + 1]));
}

function compareMarks(a: JudgeSheetMark, b: JudgeSheetMark): number {
  return a.submittedAt - b.submittedAt || (a.tieBreak < b.tieBreak ? -1 : a.tieBreak > b.tieBreak ? 1 : 0);
}

export interface EntryCriterionMeans {
  categoryId: string | null;
  /** Mean raw value per criterion id; a criterion nobody scored is absent. */
  criterionMeans: Readonly<Record<string, number>>;
}

/**
 * The category's average of each criterion: the mean, over the category's entries that have a
 * mean for the criterion, of their means. Each entry counts once whatever its number of judges,
 * so an entry seen by more judges does not weigh more in its category's picture.
 */
export function categoryCriterionAverages(entries: readonly EntryCriterionMeans[], categoryId: string | null): Record<string, number> {
  const sums = new Map<string, { sum: number; count: number }>();
  for (const entry of entries) {
    if (entry.categoryId !== categoryId) continue;
    for (const [criterionId, mean] of Object.entries(entry.criterionMeans)) {
      if (!Number.isFinite(mean)) continue;
      const acc = sums.get(criterionId) ?? { sum: 0, count: 0 };
      acc.sum += mean;
      acc.count += 1;
      sums.set(criterionId, acc);
    }
  }
  return Object.fromEntries([...sums].map(([id, { sum, count }]) => [id, sum / count]));
}
