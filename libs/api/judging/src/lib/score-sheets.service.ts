import { Injectable } from '@nestjs/common';
import { AppError, assignmentNotFound, type AuthUser, judgesAssignment } from '@laurel/api-core';
import {
  AssignmentsRepository,
  type ScoreRow,
  type SheetCriterionRow,
  type SheetRow,
  type SheetWriteState,
  SheetsRepository,
  type StoredConflictRef,
} from '@laurel/api-database';
import { type ConflictReason, missingCriteria, sheetTotal } from '@laurel/domain';
import type { AssignmentDetailView, SheetView } from '@laurel/contracts';
import { DivergenceReviewService } from './divergence-review.service';
import { KnownSheets } from './known-sheets';
import type { RecuseDto, SaveSheetDto } from './judging.dto';
import { roundClosed, roundNotOpen } from './round-state-errors';
import { checkScores } from './score-input';
import { scoreValues, toSheetView } from './sheet.mapper';

/**
 * The judge's writes: saving a draft, submitting, recusing. Each runs in one transaction under
 * share locks on the assignment and its round, so a recusal or the round's closing cannot slip
 * in between the checks and the write; the sheet's version is checked in the UPDATE itself.
 */
@Injectable()
export class ScoreSheetsService {
  constructor(
    private readonly assignments: AssignmentsRepository,
    private readonly sheets: SheetsRepository,
    private readonly divergence: DivergenceReviewService,
  ) {}

  /** What this process knows of assignments from its last reads and writes (see `KnownSheets`). */
  private readonly known = new KnownSheets();

  /**
   * Saves the sheet as a draft: exactly the scores sent, partial sheets allowed. When this process
   * knows the assignment (the judge's earlier save or read), or at least the round its scores are
   * for (a new sheet), one statement: the write of sheet, scores and audit event, which checks
   * the judge, the assignment, the round and the sheet's version itself under share locks.
   * Otherwise, or when that write changes nothing, the read of everything it decides on first,
   * then the write; only when that write changes nothing is the state read again, to say why. No
   * transaction is held open across round trips (a judge autosaves every few seconds, and the
   * contest's audit chain takes one write at a time).
   */
  async save(actor: AuthUser, assignmentId: string, dto: SaveSheetDto): Promise<SheetView> {
    const comment = { text: dto.comment?.trim() || null, internal: dto.commentInternal ?? false };
    const known =
      this.known.get(assignmentId) ?? (dto.version ? undefined : this.known.unmet(assignmentId, actor.id, dto.scores[0]?.criterionId));
    if (known && known.assignment.judgeId === actor.id && (known.sheet || !dto.version)) {
      const { criteria } = known.round;
      // A refusal is answered by the read below, in its order (an unknown assignment before a bad score).
      const scores = checkedScores(criteria, dto.scores);
      const sheet = scores && (await this.sheets.saveDraft(known, dto.version ?? null, comment, scores));
      if (scores && sheet) {
        this.known.saved(known.assignment, sheet, scores);
        return toSheetView({ sheet, scores }, criteria);
      }
    }
    const current = await this.readState(actor, assignmentId);
    const scores = inRubricOrder(current.criteria, checkScores(current.criteria, dto.scores));
    if (current.sheet?.status === 'submitted') throw alreadySubmitted();
    if (!current.sheet && dto.version !== undefined && dto.version !== 0) throw staleVersion(dto.version, 0);
    if (current.sheet && dto.version !== undefined && dto.version !== current.sheet.version)
      throw staleVersion(dto.version, current.sheet.version);
    const sheet = await this.sheets.saveDraft(current, dto.version ?? null, comment, scores);
    if (!sheet) {
      const now = await this.readState(actor, assignmentId);
      if (now.sheet?.status === 'submitted') throw alreadySubmitted();
      throw staleVersion(dto.version ?? 0, now.sheet?.version ?? null);
    }
    this.known.saved(current.assignment, sheet, scores);
    return toSheetView({ sheet, scores }, current.criteria);
  }

  /**
   * Locks the sheet with its total, computed by the domain's sheetTotal and stored in full
   * precision. Like a save: one statement when this process knows the draft (its write checks
   * that the sheet is still that version with exactly those values, and assignment and round
   * under share locks), else the read first; in a round with divergence review, whose extra judge
   * must exist exactly when the sheet is submitted: BEGIN, the read under share locks, the write,
   * the review, COMMIT.
   */
  async submit(actor: AuthUser, assignmentId: string): Promise<SheetView> {
    const known = this.known.get(assignmentId);
    if (known?.sheet && known.assignment.judgeId === actor.id && !DivergenceReviewService.reviews(known.round.divergence)) {
      const { sheet, round } = known;
      const { criteria, divergence } = round;
      const values = scoreValues(sheet.scores);
      if (missingCriteria(criteria, values).length === 0) {
        const submitted = await this.sheets.submitAlone(
          { assignment: known.assignment, sheet, scores: sheet.scores, divergence },
          sheetTotal(criteria, values),
        );
        if (submitted) {
          this.known.forget(assignmentId);
          return toSheetView({ sheet: submitted, scores: sheet.scores }, criteria);
        }
      }
    }
    const read = await this.readState(actor, assignmentId);
    if (!DivergenceReviewService.reviews(read.divergence)) {
      const { sheet, total } = this.submittable(read);
      const submitted = await this.sheets.submitAlone({ ...read, sheet }, total);
      if (!submitted) {
        const now = await this.readState(actor, assignmentId);
        if (now.sheet?.status === 'submitted') throw alreadySubmitted();
        throw staleVersion(sheet.version, now.sheet?.version ?? null);
      }
      this.known.forget(assignmentId);
      return toSheetView({ sheet: submitted, scores: read.scores }, read.criteria);
    }
    const view = await this.sheets.change(assignmentId, async (state, changes) => {
      const current = this.assertMayWrite(actor, state);
      const { sheet, total } = this.submittable(current);
      const submitted = await changes.submit({ ...current, sheet }, total);
      if (!submitted) throw staleVersion(sheet.version, null);
      await this.divergence.afterSubmit(changes.transaction, current.assignment, current.divergence);
      return toSheetView({ sheet: submitted, scores: current.scores }, current.criteria);
    });
    this.known.forget(assignmentId);
    return view;
  }

  /** The draft to submit and its total; 409 when already submitted, 422 naming what is missing. */
  private submittable(current: SheetWriteState): { sheet: SheetRow; total: number } {
    const { criteria } = current;
    if (current.sheet?.status === 'submitted') throw alreadySubmitted();
    const values = scoreValues(current.scores);
    const missing = missingCriteria(criteria, values);
    if (!current.sheet || missing.length > 0) {
      const names = criteria.filter((c) => missing.includes(c.id));
      throw AppError.unprocessable(
        'sheet.incomplete',
        `Score every criterion before submitting. Still missing: ${names.map((c) => `"${c.name}"`).join(', ')}.`,
        names.map((c) => ({
          field: `scores.${c.id}`,
          message: `"${c.name}" has no score yet`,
          code: 'required',
          params: { criterion: c.name },
        })),
        undefined,
        { criteria: names.map((c) => c.name).join(', ') },
      );
    }
    return { sheet: current.sheet, total: sheetTotal(criteria, values) };
  }

  /** Declares a conflict of interest: the assignment is recused and the pair is never assigned again. */
  async recuse(actor: AuthUser, assignmentId: string, dto: RecuseDto): Promise<AssignmentDetailView['assignment']> {
    return this.assignments.changeAssignment(assignmentId, async (found, changes) => {
      if (!found || !judgesAssignment(actor, found)) throw assignmentNotFound();
      if (found.status === 'recused')
        throw AppError.conflict('assignment.already_recused', 'You have already recused yourself from this entry.');
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

  /** The state a save or submit decides on, checked (`assertMayWrite`) and remembered; a refused one is forgotten. */
  private async readState(actor: AuthUser, assignmentId: string): Promise<SheetWriteState> {
    const state = await this.sheets.state(assignmentId);
    try {
      const checked = this.assertMayWrite(actor, state);
      this.known.read(checked);
      return checked;
    } catch (refusal) {
      this.known.forget(assignmentId);
      throw refusal;
    }
  }

  /**
   * The access check of a save and a submit is folded into their one read (`SheetsRepository.state`,
   * no statement of its own): "judge of the assignment" means the assignment exists, its judge is
   * the caller, and the judge is still on the contest's panel (`onPanel`); anyone else, organizers
   * and admins included, gets the same 404 as for an assignment that does not exist. The api-core
   * policy (`judgesAssignment`) decides on the facts of that read and reads nothing itself.
   */
  private assertMayWrite(actor: AuthUser, state: SheetWriteState | null): SheetWriteState {
    if (!state || !judgesAssignment(actor, { judgeId: state.assignment.judgeId, onPanel: state.onPanel })) throw assignmentNotFound();
    if (state.assignment.status === 'recused') throw recused();
    if (state.roundStatus === 'closed') throw roundClosed();
    if (state.roundStatus !== 'open') throw roundNotOpen(state.roundStatus);
    // Detection runs where the facts change (an organization corrected, a name changed after the
    // assignment was made) and stores what it finds: the save only reads the stored conflict.
    if (state.storedConflict) throw conflictOfInterest(conflictKind(state.storedConflict));
    return state;
  }
}

/** `checkScores` in rubric order, or null when it refuses them (the caller then reads the state and refuses in order). */
function checkedScores(criteria: readonly SheetCriterionRow[], scores: SaveSheetDto['scores']): ScoreRow[] | null {
  try {
    return inRubricOrder(criteria, checkScores(criteria, scores));
  } catch {
    return null;
  }
}

/** The scores in the rubric's order, as the sheet is read back everywhere else. */
function inRubricOrder(criteria: readonly SheetCriterionRow[], scores: ScoreRow[]): ScoreRow[] {
  if (inOrder(criteria, scores)) return scores;
  const position = new Map(criteria.map((c, i) => [c.id, i]));
  return [...scores].sort((a, b) => (position.get(a.criterionId) ?? 0) - (position.get(b.criterionId) ?? 0));
}

/**
 * Whether scores of distinct criteria of the rubric (as `checkScores` passed them) already come in
 * its order, as the console sends them: then they are kept as they are, without a sorted copy.
 */
function inOrder(criteria: readonly SheetCriterionRow[], scores: readonly ScoreRow[]): boolean {
  let next = 0;
  for (const score of scores) {
    while (next < criteria.length && criteria[next]?.id !== score.criterionId) next++;
    if (next === criteria.length) return false;
    next++;
  }
  return true;
}

function recused(): AppError {
  return AppError.conflict('assignment.recused', 'You recused yourself from this entry, so you cannot score it.');
}

function alreadySubmitted(): AppError {
  return AppError.conflict(
    'sheet.submitted',
    'This sheet is submitted and can no longer change. Ask the organizer if it needs correcting.',
  );
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

/** A detected conflict's kind; any other stored conflict by where it is. */
function conflictKind(stored: StoredConflictRef): string {
  if (stored.source === 'detected') {
    switch (stored.reason) {
      case 'same_organization':
      case 'same_email_domain':
      case 'team_member':
        return CONFLICT_REASONS[stored.reason];
    }
  }
  return 'It is recorded on the contest’s conflicts list.';
}

function conflictOfInterest(detail: string): AppError {
  return AppError.unprocessable(
    'sheet.conflict_of_interest',
    `You have a conflict of interest with this entry and cannot score it. ${detail}`,
  );
}

function staleVersion(sent: number, current: number | null): AppError {
  return AppError.conflict(
    'sheet.stale_version',
    `This sheet was saved elsewhere after you loaded it (you sent version ${sent}${current === null ? '' : `; it is now at ${current}`}). Reload the sheet, check the scores, then save again.`,
  );
}
