import type { CriterionEntity, ScoreRow, SheetWithScores } from '@laurel/api-database';
import { sheetTotal } from '@laurel/domain';
import type { SheetView } from '@laurel/contracts';

/**
 * The values of a sheet's scores by criterion, as the domain's `sheetTotal` and `missingCriteria`
 * read them (one object, where `Object.fromEntries` of a mapped list built a pair per score).
 */
export function scoreValues(scores: readonly Pick<ScoreRow, 'criterionId' | 'value'>[]): Record<string, number> {
  const values: Record<string, number> = {};
  for (const score of scores) values[score.criterionId] = score.value;
  return values;
}

/** The sheet as the judge's page shows it; before the first save, an empty draft at version 0. */
export function toSheetView(found: SheetWithScores | null, criteria: readonly CriterionEntity[]): SheetView {
  if (!found)
    return { id: null, status: 'draft', scores: [], comment: null, commentInternal: false, version: 0, total: 0, submittedAt: null };
  const { sheet, scores } = found;
  const values = scoreValues(scores);
  return {
    id: sheet.id,
    status: sheet.status,
    scores: scores.map((s) => ({ criterionId: s.criterionId, value: s.value, comment: s.comment, commentInternal: s.commentInternal })),
    comment: sheet.comment,
    commentInternal: sheet.commentInternal,
    version: sheet.version,
    total: sheet.status === 'submitted' && sheet.total !== null ? sheet.total : sheetTotal(criteria, values),
    submittedAt: sheet.submittedAt ? new Date(sheet.submittedAt).toISOString() : null,
  };
}
