import type { EntityManager } from 'typeorm';
import { type Conflict, detectConflicts } from '@laurel/domain';
import type { AuditAction, EntryMember } from '@laurel/contracts';
import { auditAppend, lockAuditChains } from './audit.repository';
import type { ConflictEntryRow, ConflictJudgeRow } from './conflicts.repository';
import { returningRows } from './returning-rows';

/**
 * The domain's detection over rows as the repositories read them: the judge's organization for
 * the contest, the entry's organization, its owner's e-mail and its members.
 */
export function detectAmong(
  judges: readonly ConflictJudgeRow[],
  entries: readonly Pick<ConflictEntryRow, 'id' | 'organization' | 'ownerEmail' | 'members'>[],
): Conflict[] {
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

/**
 * Whose facts changed: judges (their name, or their organization in `contestId` when given),
 * entries (organization, members), or `'all'` (a migration bringing stored data up to date).
 */
export type ChangedFacts = { judgeIds: readonly string[]; contestId?: string | null } | { entryIds: readonly string[] } | 'all';

/** What one recording changed: the detected conflicts it stored and those it took away. */
export interface DetectedConflictChanges {
  added: { id: string; judgeId: string; entryId: string; reason: string }[];
  removed: { id: string; judgeId: string; entryId: string; reason: string }[];
}

interface PairFacts {
  contestId: string;
  judgeId: string;
  entryId: string;
  judgeEmail: string;
  judgeName: string;
  judgeOrganization: string | null;
  entryOrganization: string | null;
  ownerEmail: string | null;
  members: EntryMember[];
  conflictId: string | null;
  conflictSource: string | null;
  conflictReason: string | null;
}

/**
 * The pairs a change of facts can concern, each with the facts detection reads and its stored
 * conflict: every assignment of the judges or entries (any round, any status) and every detected
 * conflict stored for them. Detection never lets an assignment be made with a conflict, so these
 * are all the pairs where a conflict can appear or go.
 */
const PAIRS_SQL = `
  WITH pairs AS (
    SELECT r.contest_id, a.judge_id, a.entry_id FROM assignments a JOIN rounds r ON r.id = a.round_id
     WHERE $1::boolean OR ((a.judge_id = ANY($2::uuid[]) AND ($4::uuid IS NULL OR r.contest_id = $4::uuid)) OR a.entry_id = ANY($3::uuid[]))
    UNION
    SELECT k.contest_id, k.judge_id, k.entry_id FROM conflicts k
     WHERE k.source = 'detected'
       AND ($1::boolean OR ((k.judge_id = ANY($2::uuid[]) AND ($4::uuid IS NULL OR k.contest_id = $4::uuid)) OR k.entry_id = ANY($3::uuid[]))))
  SELECT p.contest_id AS "contestId", p.judge_id AS "judgeId", p.entry_id AS "entryId",
         u.email AS "judgeEmail", u.display_name AS "judgeName", coalesce(cj.organization, u.organization) AS "judgeOrganization",
         e.organization AS "entryOrganization", o.email AS "ownerEmail", e.members,
         k.id AS "conflictId", k.source AS "conflictSource", k.reason AS "conflictReason"
    FROM pairs p
    JOIN users u ON u.id = p.judge_id
    JOIN entries e ON e.id = p.entry_id
    LEFT JOIN users o ON o.id = e.owner_id
    LEFT JOIN contest_judges cj ON cj.contest_id = p.contest_id AND cj.user_id = p.judge_id
    LEFT JOIN conflicts k ON k.judge_id = p.judge_id AND k.entry_id = p.entry_id
   ORDER BY p.contest_id, p.judge_id, p.entry_id`;

/**
 * Share locks on the rounds not yet closed of the contests concerned, taken before the pairs are
 * read. Assignments are made under the round's row lock (`AssignmentsRepository.changeRound`), so
 * an assignment made at the same moment either commits first (and this recording's read sees it)
 * or waits for this transaction (and its own read of the facts sees the change): a pair is never
 * assigned on facts older than the recording that missed it.
 *
 * Divergence review's extra judge is the exception: it is assigned inside a judge's submit, which
 * holds only a share lock on the round (a row lock there would stop every save of the round). That
 * submit writes the contest's audit trail before the review reads anything, holding the head of the
 * contest's chain until it commits; so the recording also takes those heads (`lockAuditChains`)
 * before reading the pairs, for the contests of the rounds it locked. The judge's save takes no new
 * lock: it waits for this recording only as it waits for any audited write of its contest.
 */
const LOCK_ROUNDS_SQL = `
  SELECT r.id, r.contest_id AS "contestId" FROM rounds r
   WHERE r.status <> 'closed'
     AND ($1::boolean OR r.contest_id IN (
           SELECT cj.contest_id FROM contest_judges cj WHERE cj.user_id = ANY($2::uuid[]) AND ($4::uuid IS NULL OR cj.contest_id = $4::uuid)
           UNION SELECT e.contest_id FROM entries e WHERE e.id = ANY($3::uuid[])))
   ORDER BY r.id
     FOR SHARE OF r`;

/**
 * Detection where the facts change: after a judge's name or organization or an entry's
 * organization or team changed (inside the transaction that changed them), the stored detected
 * conflicts of the pairs concerned are made equal to what detection finds now. A conflict that
 * appears is stored (source `detected`, with its reason and detail), one that went is removed,
 * one whose reason changed is replaced; each with its `conflict.added` / `conflict.removed`
 * event, as the organizer's conflicts get. Declared and organizer conflicts are never touched, and
 * a pair whose conflict stays as it was writes nothing. The assignment itself stays: the judge's
 * save refuses it (`sheet.conflict_of_interest`), a submitted sheet keeps counting, and the
 * organizer sees the conflict on the list and decides.
 *
 * Set-based: the rounds' share locks and their contests' chain heads, one read of the pairs with their facts, at most one DELETE
 * and one INSERT, then one audit append per conflict that changed.
 */
export async function recordDetectedConflicts(
  manager: EntityManager,
  changed: ChangedFacts,
  actorId: string | null,
): Promise<DetectedConflictChanges> {
  const all = changed === 'all';
  const judgeIds = changed !== 'all' && 'judgeIds' in changed ? changed.judgeIds : [];
  const contestId = changed !== 'all' && 'judgeIds' in changed ? (changed.contestId ?? null) : null;
  const entryIds = changed !== 'all' && 'entryIds' in changed ? changed.entryIds : [];
  if (!all && judgeIds.length === 0 && entryIds.length === 0) return { added: [], removed: [] };
  const params = [all, judgeIds, entryIds, contestId];
  const rounds: { id: string; contestId: string }[] = await manager.query(LOCK_ROUNDS_SQL, params);
  await lockAuditChains(
    manager,
    rounds.map((r) => r.contestId),
  );
  const pairs: PairFacts[] = await manager.query(PAIRS_SQL, params);

  const stale: PairFacts[] = [];
  const found: { pair: PairFacts; conflict: Conflict }[] = [];
  for (const pair of pairs) {
    const [conflict] = detectAmong(
      [{ id: pair.judgeId, email: pair.judgeEmail, displayName: pair.judgeName, organization: pair.judgeOrganization }],
      [{ id: pair.entryId, organization: pair.entryOrganization, ownerEmail: pair.ownerEmail, members: pair.members }],
    );
    const storedDetected = pair.conflictSource === 'detected';
    if (storedDetected && conflict?.reason !== pair.conflictReason) stale.push(pair);
    if (conflict && (pair.conflictId === null || (storedDetected && conflict.reason !== pair.conflictReason)))
      found.push({ pair, conflict });
  }

  const removed =
    stale.length === 0
      ? []
      : await returningRows<{ id: string; contestId: string; judgeId: string; entryId: string; reason: string }>(
          manager,
          `DELETE FROM conflicts WHERE id = ANY($1::uuid[]) AND source = 'detected'
           RETURNING id, contest_id AS "contestId", judge_id AS "judgeId", entry_id AS "entryId", reason`,
          [stale.map((p) => p.conflictId)],
        );
  const added: { id: string; contestId: string; judgeId: string; entryId: string; reason: string; detail: string }[] =
    found.length === 0
      ? []
      : await manager.query(
          `INSERT INTO conflicts (contest_id, judge_id, entry_id, source, reason, detail, created_by)
           SELECT c.contest_id, c.judge_id, c.entry_id, 'detected', c.reason, c.detail, $6::uuid
             FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[]) AS c(contest_id, judge_id, entry_id, reason, detail)
           ON CONFLICT (judge_id, entry_id) DO NOTHING
           RETURNING id, contest_id AS "contestId", judge_id AS "judgeId", entry_id AS "entryId", reason, detail`,
          [
            found.map((f) => f.pair.contestId),
            found.map((f) => f.pair.judgeId),
            found.map((f) => f.pair.entryId),
            found.map((f) => f.conflict.reason),
            found.map((f) => f.conflict.detail),
            actorId,
          ],
        );

  for (const conflict of removed) {
    await appendEvent(manager, conflict.contestId, actorId, 'conflict.removed', conflict.id, {
      judgeId: conflict.judgeId,
      entryId: conflict.entryId,
      source: 'detected',
      reason: conflict.reason,
    });
  }
  for (const conflict of added) {
    await appendEvent(manager, conflict.contestId, actorId, 'conflict.added', conflict.id, {
      judgeId: conflict.judgeId,
      entryId: conflict.entryId,
      source: 'detected',
      reason: conflict.reason,
      detail: conflict.detail,
    });
  }
  const brief = ({ id, judgeId, entryId, reason }: { id: string; judgeId: string; entryId: string; reason: string }) => ({
    id,
    judgeId,
    entryId,
    reason,
  });
  return { added: added.map(brief), removed: removed.map(brief) };
}

/** `AuditRepository.record` without the repository, so a migration can record too. */
async function appendEvent(
  manager: EntityManager,
  contestId: string,
  actorId: string | null,
  action: AuditAction,
  conflictId: string,
  payload: Record<string, unknown>,
): Promise<void> {
  const append = auditAppend({ contestId, actorId, action, subjectType: 'conflict', subjectId: conflictId, payload }, 1);
  await manager.query(`WITH ${append.ctes} SELECT 1`, append.params);
}
