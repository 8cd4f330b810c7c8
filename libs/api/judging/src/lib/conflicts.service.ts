import { Injectable } from '@nestjs/common';
import { AppError, type AuthUser, conflictNotFound, contestNotFound, managedOr404 } from '@laurel/api-core';
import { ConflictsRepository, JudgingRepository, type StoredConflictRow } from '@laurel/api-database';
import type { ConflictView } from '@laurel/contracts';
import { detect, pairKey } from './conflict-detection';
import type { CreateConflictDto } from './judging.dto';

/** Conflicts of interest of a contest: detected from the data, declared by judges, added by organizers. */
@Injectable()
export class ConflictsService {
  constructor(
    private readonly judging: JudgingRepository,
    private readonly conflicts: ConflictsRepository,
  ) {}

  /**
   * Detected conflicts between the panel and the submitted entries, then the stored ones. A pair
   * whose conflict is stored (detected where the facts changed, for an assignment) is listed
   * once, as stored.
   */
  async list(actor: AuthUser, contestId: string): Promise<ConflictView[]> {
    const contest = managedOr404(actor, await this.judging.contest(contestId), contestNotFound);
    const [judges, entries, stored] = await Promise.all([
      this.conflicts.panelJudges(contest.id),
      this.conflicts.entries(contest.id),
      this.conflicts.listStored(contest.id),
    ]);
    const judgeName = new Map(judges.map((j) => [j.id, j.displayName]));
    const entryById = new Map(entries.map((e) => [e.id, e]));
    const storedPairs = new Set(stored.map(pairKey));
    const detected = detect(judges, entries)
      .filter((c) => !storedPairs.has(pairKey(c)))
      .map((c): ConflictView => ({
        id: null,
        source: 'detected',
        judgeId: c.judgeId,
        judgeName: judgeName.get(c.judgeId) ?? '',
        entryId: c.entryId,
        entryCode: entryById.get(c.entryId)?.code ?? null,
        entryTitle: entryById.get(c.entryId)?.title ?? '',
        reason: c.reason,
        detail: c.detail,
        createdAt: null,
      }));
    return [...detected, ...stored.map(toView)];
  }

  /** Records a conflict by hand; the pair's open assignments without a submitted sheet go with it. */
  async add(actor: AuthUser, contestId: string, dto: CreateConflictDto): Promise<ConflictView> {
    const contest = managedOr404(actor, await this.judging.contest(contestId), contestNotFound);
    const [onPanel, entry] = await Promise.all([
      this.judging.isOnPanel(contest.id, dto.judgeId),
      this.judging.entryOfContest(contest.id, dto.entryId),
    ]);
    const problems = [
      ...(onPanel ? [] : [{ field: 'judgeId', code: 'unknown' as const, message: 'is not a judge on this contest panel' }]),
      ...(entry ? [] : [{ field: 'entryId', code: 'unknown' as const, message: 'is not an entry of this contest' }]),
    ];
    if (problems.length > 0) {
      throw AppError.unprocessable(
        'conflict.unknown_pair',
        `The conflict cannot be recorded: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}.`,
        problems,
      );
    }
    const result = await this.conflicts.addByOrganizer({
      contestId: contest.id,
      judgeId: dto.judgeId,
      entryId: dto.entryId,
      reason: dto.reason,
      createdBy: actor.id,
    });
    if (!result.added) {
      throw AppError.conflict('conflict.exists', 'A conflict of interest is already recorded for this judge and entry. Reload the list.');
    }
    return toView((await this.conflicts.findStored(result.id)) as StoredConflictRow);
  }

  /** Only conflicts an organizer added can be removed; a judge's recusal stands. */
  async remove(actor: AuthUser, contestId: string, conflictId: string): Promise<void> {
    const contest = managedOr404(actor, await this.judging.contest(contestId), contestNotFound);
    const conflict = await this.conflicts.findStored(conflictId);
    if (!conflict || conflict.contestId !== contest.id) throw conflictNotFound();
    if (conflict.source === 'detected') {
      throw AppError.conflict(
        'conflict.not_removable',
        'A detected conflict cannot be removed by hand: it goes by itself when the facts behind it are corrected (the organization, the e-mail, the team).',
      );
    }
    if (conflict.source !== 'organizer') {
      throw AppError.conflict(
        'conflict.not_removable',
        'A conflict the judge declared (a recusal) cannot be removed; only conflicts added by an organizer can.',
      );
    }
    await this.conflicts.delete(conflict.id, actor.id);
  }
}

function toView(row: StoredConflictRow): ConflictView {
  return {
    id: row.id,
    source: row.source,
    judgeId: row.judgeId,
    judgeName: row.judgeName,
    entryId: row.entryId,
    entryCode: row.entryCode,
    entryTitle: row.entryTitle,
    reason: row.reason,
    detail: row.detail,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}
