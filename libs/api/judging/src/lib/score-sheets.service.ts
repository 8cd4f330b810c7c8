import { Injectable } from '@nestjs/common';
import { AppError, type AuthUser } from '@laurel/api-core';
import {
  AssignmentsRepository,
  ConflictsRepository,
  type CriterionEntity,
  JudgingRepository,
  type SheetWriteState,
  SheetsRepository,
} from '@laurel/api-database';
import { type ConflictReason, missingCriteria, sheetTotal } from '@laurel/domain';
import type { AssignmentDetailView, SheetView } from '@laurel/contracts';
import { detect } from './conflict-detection';
import { DivergenceReviewService } from './divergence-review.service';
import type { RecuseDto, SaveSheetDto } from './judging.dto';
import { assignmentNotFound, isUuid, roundClosed, roundNotOpen } from './judging-access';
import { checkScores } from './score-input';
import { toSheetView } from './sheet.mapper';

/**
 * The judge's writes: saving a draft, submitting, recusing. Each runs in one transaction under
 * share locks on the assignment and its round, so a recusal or the round's closing cannot slip
 * in between the checks and the write; the sheet's version is checked in the UPDATE itself.
 */
@Injectable()
export class ScoreSheetsService {
  constructor(
    private readonly judging: JudgingRepository,
    private readonly assignments: AssignmentsRepository,
    private readonly sheets: SheetsRepository,
    private readonly conflicts: ConflictsRepository,
    private readonly divergence: DivergenceReviewService,
  ) {}

  /** Saves the sheet as a draft: exactly the scores sent, partial sheets allowed. */
  async save(actor: AuthUser, assignmentId: string, dto: SaveSheetDto): Promise<SheetView> {
    const { criteria } = await this.writable(actor, assignmentId);
    const scores = checkScores(criteria, dto.scores);
    const comment = dto.comment?.trim() || null;
    return this.sheets.change(assignmentId, async (state, changes) => {
      const current = this.assertMayWrite(actor, state);
      let sheet;
      if (!current.sheet) {
        if (dto.version !== undefined && dto.version !== 0) throw staleVersion(dto.version, 0);
        sheet = await changes.createDraft(current.assignment.roundId, comment);
        if (!sheet) throw staleVersion(dto.version ?? 0, null);
      } else {
        if (current.sheet.status === 'submitted') throw alreadySubmitted();
        sheet = await changes.updateDraft(current.sheet.id, dto.version ?? null, comment);
        if (!sheet) throw staleVersion(dto.version ?? 0, current.sheet.version);
      }
      await changes.replaceScores(sheet.id, scores);
      return toSheetView(await changes.reload(), criteria);
    });
  }

  /** Locks the sheet with its total, computed by the domain's sheetTotal and stored in full precision. */
  async submit(actor: AuthUser, assignmentId: string): Promise<SheetView> {
    const { criteria } = await this.writable(actor, assignmentId);
    return this.sheets.change(assignmentId, async (state, changes) => {
      const current = this.assertMayWrite(actor, state);
      if (current.sheet?.status === 'submitted') throw alreadySubmitted();
      const values = Object.fromEntries(current.scores.map((s) => [s.criterionId, s.value]));
      const missing = missingCriteria(criteria, values);
      if (!current.sheet || missing.length > 0) {
        const names = criteria.filter((c) => missing.includes(c.id));
        throw AppError.unprocessable(
          'sheet.incomplete',
          `Score every criterion before submitting. Still missing: ${names.map((c) => `"${c.name}"`).join(', ')}.`,
          names.map((c) => ({ field: `scores.${c.id}`, message: `"${c.name}" has no score yet` })),
        );
      }
      const submitted = await changes.submit(current.sheet.id, current.sheet.version, sheetTotal(criteria, values));
      if (!submitted) throw staleVersion(current.sheet.version, null);
      await this.divergence.afterSubmit(changes.transaction, current.assignment);
      return toSheetView(await changes.reload(), criteria);
    });
  }

  /** Declares a conflict of interest: the assignment is recused and the pair is never assigned again. */
  async recuse(actor: AuthUser, assignmentId: string, dto: RecuseDto): Promise<AssignmentDetailView['assignment']> {
    if (!isUuid(assignmentId)) throw assignmentNotFound();
    return this.assignments.changeAssignment(assignmentId, async (found, changes) => {
      if (!found || found.judgeId !== actor.id || !found.onPanel) throw assignmentNotFound();
      if (found.status === 'recused') throw AppError.conflict('assignment.already_recused', 'You have already recused yourself from this entry.');
      if (found.sheetStatus === 'submitted') {
        throw AppError.conflict(
          'assignment.submitted',
          'You have submitted this sheet, so you can no longer recuse from it. Tell the organizer about the conflict; they can record it.',
        );
      }
      if (found.roundStatus !== 'open') throw roundNotOpen(found.roundStatus);
      await changes.recuse({ contestId: found.contestId, judgeId: found.judgeId, entryId: found.entryId, reason: dto.reason });
      return { id: found.id, status: 'recused' as const, roundId: found.roundId, entryId: found.entryId, recusalReason: dto.reason };
    });
  }

  /**
   * The checks that need no lock: the assignment is the actor's, and no conflict is detected
   * between the judge and the entry (stored conflicts are checked again inside the transaction).
   */
  private async writable(actor: AuthUser, assignmentId: string): Promise<{ criteria: CriterionEntity[] }> {
    const assignment = isUuid(assignmentId) ? await this.assignments.findContext(assignmentId) : null;
    if (!assignment || assignment.judgeId !== actor.id || !assignment.onPanel) throw assignmentNotFound();
    if (assignment.status === 'recused') throw recused();
    if (assignment.roundStatus !== 'open') throw roundNotOpen(assignment.roundStatus);
    const [judges, entries, criteria] = await Promise.all([
      this.conflicts.panelJudges(assignment.contestId, [actor.id]),
      this.conflicts.entries(assignment.contestId, [assignment.entryId]),
      this.judging.criteria(assignment.roundId),
    ]);
    const [detected] = detect(judges, entries);
    if (detected) throw conflictOfInterest(CONFLICT_REASONS[detected.reason]);
    return { criteria };
  }

  private assertMayWrite(actor: AuthUser, state: SheetWriteState | null): SheetWriteState {
    if (!state || state.assignment.judgeId !== actor.id) throw assignmentNotFound();
    if (state.assignment.status === 'recused') throw recused();
    if (state.roundStatus === 'closed') throw roundClosed();
    if (state.roundStatus !== 'open') throw roundNotOpen(state.roundStatus);
    if (state.storedConflict) throw conflictOfInterest('It is recorded on the contest’s conflicts list.');
    return state;
  }
}

function recused(): AppError {
  return AppError.conflict('assignment.recused', 'You recused yourself from this entry, so you cannot score it.');
}

function alreadySubmitted(): AppError {
  return AppError.conflict('sheet.submitted', 'This sheet is submitted and can no longer change. Ask the organizer if it needs correcting.');
}

/**
 * What a judge is told about their own conflict: its kind only. The detail (the organization, the
 * domain, the member's name) would name the team to a judge of a blind round.
 */
const CONFLICT_REASONS: Record<ConflictReason, string> = {
  same_organization: 'You and the team come from the same organization.',
  same_email_domain: 'You and the team share an e-mail domain.',
  team_member: 'You are listed among the team’s members.',
};

function conflictOfInterest(detail: string): AppError {
  return AppError.unprocessable('sheet.conflict_of_interest', `You have a conflict of interest with this entry and cannot score it. ${detail}`);
}

function staleVersion(sent: number, current: number | null): AppError {
  return AppError.conflict(
    'sheet.stale_version',
    `This sheet was saved elsewhere after you loaded it (you sent version ${sent}${current === null ? '' : `; it is now at ${current}`}). Reload the sheet, check the scores, then save again.`,
  );
}
