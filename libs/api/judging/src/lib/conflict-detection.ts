/** The domain's detection over rows as the repositories read them (shared with detection where the facts change). */
export { detectAmong as detect } from '@laurel/api-database';

/** `judgeId|entryId`, for sets of pairs. */
export const pairKey = (pair: { judgeId: string; entryId: string }) => `${pair.judgeId}|${pair.entryId}`;
