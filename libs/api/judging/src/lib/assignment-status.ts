import type { AssignmentStatus, SheetStatus } from '@laurel/contracts';

/** Where a judge stands on an assignment, from the assignment's and its sheet's status. */
export function assignmentStatus(status: 'assigned' | 'recused', sheetStatus: SheetStatus | null): AssignmentStatus {
  if (status === 'recused') return 'recused';
  return sheetStatus ?? 'todo';
}
