import { AppError } from '@laurel/api-core';

export function roundClosed(): AppError {
  return AppError.conflict(
    'round.closed',
    'The round is closed: its score sheets can no longer change. Ask the organizer if a sheet needs correcting.',
  );
}

/** Sheets and assignments change only while their round is open. */
export function roundNotOpen(status: string): AppError {
  return status === 'closed'
    ? roundClosed()
    : AppError.conflict('round.not_open', 'The round has not opened yet. Wait until the organizer opens it, then reload.');
}
