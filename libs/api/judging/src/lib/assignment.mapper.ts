import type { AssignmentRow } from '@laurel/api-database';
import type { AssignmentView } from '@laurel/contracts';
import { assignmentStatus } from './assignment-status';

export function toAssignmentView(row: AssignmentRow): AssignmentView {
  const status = assignmentStatus(row.status, row.sheetStatus);
  return {
    id: row.id,
    roundId: row.roundId,
    entryId: row.entryId,
    entryCode: row.entryCode,
    entryTitle: row.entryTitle,
    judgeId: row.judgeId,
    judgeName: row.judgeName,
    status,
    total: status === 'submitted' ? row.total : null,
    recusalReason: row.recusalReason,
    divergenceExtra: row.divergenceExtra,
  };
}
