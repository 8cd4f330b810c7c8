import { type Conflict, detectConflicts } from '@laurel/domain';
import type { ConflictEntryRow, ConflictJudgeRow } from '@laurel/api-database';

/**
 * The domain's detection over rows as the repositories read them: the judge's organization for
 * this contest, the entry's organization, its owner's e-mail and its members.
 */
export function detect(judges: readonly ConflictJudgeRow[], entries: readonly ConflictEntryRow[]): Conflict[] {
  return detectConflicts(
    judges.map((j) => ({ id: j.id, email: j.email, organization: j.organization, displayName: j.displayName })),
    entries.map((e) => ({
      id: e.id,
      organization: e.organization,
      ownerEmail: e.ownerEmail,
      members: (Array.isArray(e.members) ? e.members : []).map((m) => ({ name: String(m?.name ?? ''), email: m?.email ?? null })),
    })),
  );
}

/** `judgeId|entryId`, for sets of pairs. */
export const pairKey = (pair: { judgeId: string; entryId: string }) => `${pair.judgeId}|${pair.entryId}`;
