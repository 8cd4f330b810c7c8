import { Injectable } from '@nestjs/common';
import { type AuthUser, managesContest, roundNotFound } from '@laurel/api-core';
import { AssignmentsRepository, ConflictsRepository, JudgingRepository } from '@laurel/api-database';
import { checkDivergence } from '@laurel/domain';
import type { EntryCoverage, JudgeRoundProgress, RoundProgressView } from '@laurel/contracts';
import { assignmentStatus } from './assignment-status';
import { detect, pairKey } from './conflict-detection';

/** The organizer's judging dashboard: per-judge progress, per-entry coverage, the matrix. */
@Injectable()
export class ProgressService {
  constructor(
    private readonly judging: JudgingRepository,
    private readonly assignments: AssignmentsRepository,
    private readonly conflicts: ConflictsRepository,
  ) {}

  async progress(actor: AuthUser, roundId: string): Promise<RoundProgressView> {
    const round = await this.judging.round(roundId);
    if (!round || !managesContest(actor, { ownerId: round.contestOwnerId })) throw roundNotFound();
    const [rows, entries, panel, stored] = await Promise.all([
      this.assignments.listForRound(round.id),
      this.assignments.roundEntries(round.id),
      this.conflicts.panelJudges(round.contestId),
      this.conflicts.listStored(round.contestId),
    ]);
    const cells = rows.map((row) => {
      const status = assignmentStatus(row.status, row.sheetStatus);
      return {
        judgeId: row.judgeId,
        entryId: row.entryId,
        assignmentId: row.id,
        status,
        total: status === 'submitted' ? row.total : null,
        divergenceExtra: row.divergenceExtra,
      };
    });

    // A judge who left the panel still shows with the assignments kept from closed rounds.
    const judges = [...panel.map((j) => ({ id: j.id, name: j.displayName }))];
    for (const row of rows) if (!judges.some((j) => j.id === row.judgeId)) judges.push({ id: row.judgeId, name: row.judgeName });
    const perJudge = judges.map((judge): JudgeRoundProgress => {
      const own = cells.filter((c) => c.judgeId === judge.id);
      return {
        judgeId: judge.id,
        name: judge.name,
        assigned: own.filter((c) => c.status !== 'recused').length,
        draft: own.filter((c) => c.status === 'draft').length,
        submitted: own.filter((c) => c.status === 'submitted').length,
        recused: own.filter((c) => c.status === 'recused').length,
      };
    });

    const conflicted = new Set([...detect(panel, entries), ...stored].map(pairKey));
    const coverage = entries.map((entry): EntryCoverage => {
      const own = cells.filter((c) => c.entryId === entry.id);
      const totals = own.flatMap((c) => (c.status === 'submitted' && c.total !== null ? [c.total] : []));
      const divergence = checkDivergence({ totals, threshold: round.divergenceThreshold, extraJudges: 0 });
      const needed =
        round.panel === 'complete'
          ? panel.filter((j) => !conflicted.has(pairKey({ judgeId: j.id, entryId: entry.id }))).length
          : round.judgesPerEntry;
      return {
        entryId: entry.id,
        code: entry.code,
        title: entry.title,
        needed,
        assigned: own.filter((c) => c.status !== 'recused').length,
        submitted: own.filter((c) => c.status === 'submitted').length,
        maxDifference: divergence.maxDifference,
        divergent: divergence.divergent,
      };
    });

    const active = cells.filter((c) => c.status !== 'recused');
    const submitted = active.filter((c) => c.status === 'submitted').length;
    return {
      roundId: round.id,
      roundStatus: round.status,
      judges: perJudge,
      entries: coverage,
      matrix: { judges, entries: entries.map((e) => ({ id: e.id, code: e.code, title: e.title })), cells },
      percentSubmitted: active.length === 0 ? 0 : (100 * submitted) / active.length,
    };
  }
}
