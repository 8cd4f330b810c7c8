import type { CriterionEntity, SheetWithScores } from '@laurel/api-database';
import { sheetTotal } from '@laurel/domain';
import type { SheetView } from '@laurel/contracts';

/** The sheet as the judge's page shows it; before the first save, an empty draft at version 0. */
export function toSheetView(found: SheetWithScores | null, criteria: readonly CriterionEntity[]): SheetView {
  if (!found)
    return { id: null, status: 'draft', scores: [], comment: null, commentInternal: false, version: 0, total: 0, submittedAt: null };
  const { sheet, scores } = found;
  const values = Object.fromEntries(scores.map((s) => [s.criterionId, s.value]));
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
