import { Injectable } from '@nestjs/common';
import { AppError, assignmentNotFound, type AuthUser, type FieldProblem, managesContest, roundNotFound } from '@laurel/api-core';
import { AssignmentsRepository, type ConflictEntryRow, JudgingRepository, type JudgingRoundRef } from '@laurel/api-database';
import { assignJudges, type AssignmentInput, known, type UnassignableEntry } from '@laurel/domain';
import type { AssignmentView, AutoAssignResponse } from '@laurel/contracts';
import { toAssignmentView } from './assignment.mapper';
import { detect, pairKey } from './conflict-detection';
import type { AutoAssignDto, CreateAssignmentDto } from './judging.dto';
import { JudgeMail, newJudges } from './judge-mail';

/**
 * Who scores what. Every write runs under the round's row lock, reading the panel, the conflicts
 * and the existing assignments inside it, so two runs (on any API instance) never fill one gap twice.
 */
@Injectable()
export class AssignmentsService {
  constructor(
    private readonly judging: JudgingRepository,
    private readonly assignments: AssignmentsRepository,
    private readonly judgeMail: JudgeMail,
  ) {}

  async list(actor: AuthUser, roundId: string): Promise<AssignmentView[]> {
    const round = await this.judging.round(roundId);
    if (!round || !managesContest(actor, { ownerId: round.contestOwnerId })) throw roundNotFound();
    return (await this.assignments.listForRound(roundId)).map(toAssignmentView);
  }

  /**
   * Gives every entry of the round its panel with the domain's `assignJudges`: detected, stored
   * and recusal conflicts excluded; existing assignments kept as they are, so after a recusal only
   * the gap is filled. Nothing is written unless every entry can be served.
   */
  auto(actor: AuthUser, roundId: string, dto: AutoAssignDto): Promise<AutoAssignResponse> {
    return this.assignments.changeRound(roundId, async (found, changes) => {
      if (!found || !managesContest(actor, { ownerId: found.contestOwnerId })) throw roundNotFound();
      const round = found;
      assertAssignable(round);
      const entries = await changes.entries();
      const judges = await changes.panelJudges();
      const stored = await changes.storedConflicts();
      const current = await changes.current();
      const conflicts = [...detect(judges, entries), ...stored, ...current.filter((a) => a.status === 'recused')];
      const existing = current.filter((a) => a.status === 'assigned');
      const base = { entries, judges, conflicts, existing, seed: dto.seed ?? round.id };
      const judgesPerEntry = dto.judgesPerEntry ?? round.judgesPerEntry;
      const input: AssignmentInput =
        round.panel === 'complete' ? { ...base, mode: 'complete' } : { ...base, mode: 'assigned', judgesPerEntry };
      const result = assignJudges(input);
      if (!result.ok) throw infeasible(result.unassignable, entries, round.panel === 'complete' ? null : judgesPerEntry);
      const inserted = await changes.insert(result.assignments, actor.id);
      await this.judgeMail.roundOpened(changes.manager, round.id, newJudges(current, inserted));
      return { assignments: inserted.map(toAssignmentView), perJudgeLoad: result.perJudgeLoad, conflictsAvoided: result.conflictsAvoided };
    });
  }

  /** Adds one judge to one entry by hand; a conflict of any kind refuses it. */
  assign(actor: AuthUser, roundId: string, dto: CreateAssignmentDto): Promise<AssignmentView> {
    return this.assignments.changeRound(roundId, async (found, changes) => {
      if (!found || !managesContest(actor, { ownerId: found.contestOwnerId })) throw roundNotFound();
      const round = found;
      assertAssignable(round);
      const entry = (await changes.entries()).find((e) => e.id === dto.entryId);
      const judge = (await changes.panelJudges()).find((j) => j.id === dto.judgeId);
      const problems: FieldProblem[] = [
        ...(entry ? [] : [{ field: 'entryId', code: 'unknown' as const, message: 'is not an entry of this round' }]),
        ...(judge ? [] : [{ field: 'judgeId', code: 'unknown' as const, message: 'is not a judge on the contest panel' }]),
      ];
      if (!entry || !judge) {
        throw AppError.unprocessable(
          'assignment.unknown_pair',
          `The assignment cannot be made: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}.`,
          problems,
        );
      }
      const pair = { entryId: entry.id, judgeId: judge.id };
      const detected = detect([judge], [entry])[0];
      const stored = (await changes.storedConflicts()).some((c) => pairKey(c) === pairKey(pair));
      if (detected || stored) {
        throw AppError.unprocessable(
          'assignment.conflict_of_interest',
          `${judge.displayName} has a conflict of interest with ${entry.code ?? 'this entry'}${detected ? `: ${detected.detail}` : ' (recorded on the conflicts list)'} Choose another judge.`,
          undefined,
          undefined,
          { judge: judge.displayName, entry: entry.code ?? entry.title },
        );
      }
      const current = await changes.current();
      const already = current.find((a) => pairKey(a) === pairKey(pair));
      if (already)
        throw AppError.conflict(
          'assignment.exists',
          `${judge.displayName} is already assigned to ${entry.code ?? 'this entry'} in this round.`,
          {
            judge: judge.displayName,
            entry: entry.code ?? entry.title,
          },
        );
      const row = known((await changes.insert([pair], actor.id))[0], 'the inserted assignment');
      await this.judgeMail.roundOpened(changes.manager, round.id, newJudges(current, [row]));
      return toAssignmentView(row);
    });
  }

  /** Removes an assignment (with its draft) as long as its sheet is not submitted. */
  remove(actor: AuthUser, assignmentId: string): Promise<void> {
    return this.assignments.changeAssignment(assignmentId, async (found, changes) => {
      if (!found || !managesContest(actor, { ownerId: found.contestOwnerId })) throw assignmentNotFound();
      const assignment = found;
      if (assignment.sheetStatus === 'submitted') {
        throw AppError.conflict(
          'assignment.has_submitted_sheet',
          'This judge has submitted the sheet; a submitted score stays. Add a conflict of interest instead if it must not count.',
        );
      }
      if (assignment.roundStatus === 'closed') {
        throw AppError.conflict('round.closed', 'The round is closed: its assignments no longer change.');
      }
      await changes.delete(actor.id);
    });
  }
}

function assertAssignable(round: JudgingRoundRef): void {
  if (round.status === 'draft') {
    throw AppError.conflict('round.not_open', 'Open the round first: which entries it covers is fixed when it opens.');
  }
  if (round.status === 'closed') throw AppError.conflict('round.closed', 'The round is closed: its assignments no longer change.');
}

function infeasible(
  unassignable: readonly UnassignableEntry[],
  entries: readonly ConflictEntryRow[],
  judgesPerEntry: number | null,
): AppError {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const fields = unassignable.map((u): FieldProblem => {
    const entry = byId.get(u.entryId);
    const name = `${entry?.code ?? u.entryId} "${entry?.title ?? ''}"`;
    const label = entry?.code ?? entry?.title ?? u.entryId;
    if (u.reason === 'no_judge_without_conflict') {
      const message = `${name}: every judge on the panel has a conflict of interest with it`;
      return { field: `entries.${u.entryId}`, message, code: 'assignment.all_judges_conflicted', params: { entry: label } };
    }
    const why = `needs ${u.needed} more ${u.needed === 1 ? 'judge' : 'judges'} without a conflict of interest, and only ${u.available} ${u.available === 1 ? 'is' : 'are'} available`;
    return {
      field: `entries.${u.entryId}`,
      message: `${name}: ${why}`,
      code: 'assignment.too_few_judges',
      params: { entry: label, needed: u.needed, available: u.available },
    };
  });
  const goal = judgesPerEntry === null ? 'a judge' : `${judgesPerEntry} ${judgesPerEntry === 1 ? 'judge' : 'judges'}`;
  return AppError.unprocessable(
    'assignment.infeasible',
    `Not every entry can get ${goal} without a conflict of interest, so nothing was assigned. ${fields.map((f) => f.message).join('; ')}. Invite more judges or lower judgesPerEntry.`,
    fields,
  );
}
