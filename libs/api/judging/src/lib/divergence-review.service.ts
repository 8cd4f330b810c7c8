import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditRepository, DivergenceRepository, type DivergenceSettings } from '@laurel/api-database';
import { MailOutbox } from '@laurel/api-mail';
import { checkDivergence, pickExtraJudge } from '@laurel/domain';
import { detect } from './conflict-detection';

export interface SubmittedSheetRef {
  roundId: string;
  entryId: string;
  /** The judge who just submitted. */
  judgeId: string;
}

export type DivergenceOutcome =
  | { action: 'none' }
  | { action: 'extra_judge'; judgeId: string; assignmentId: string; maxDifference: number }
  | { action: 'no_judge_left'; maxDifference: number };

/**
 * DESIGN's divergence review, run by the submit of a sheet in the same transaction: when two
 * submitted totals of the entry differ by the round's threshold or more and the entry has fewer
 * extra judges than `maxExtraJudges`, one more judge is assigned (the domain's choice: least
 * loaded, conflicts respected, never one who already has the entry). Kept apart from the sheet
 * write itself so that the submit path stays one short function. The choice reads the facts of
 * conflict detection under the lock their changes take (`DivergenceRepository.lockFacts`), so an
 * extra judge is never assigned on facts a change committed at that moment made stale.
 */
@Injectable()
export class DivergenceReviewService {
  constructor(
    private readonly divergence: DivergenceRepository,
    private readonly audit: AuditRepository,
    private readonly mail: MailOutbox,
  ) {}

  /** Whether a submit in a round with these settings is reviewed (and must share its transaction). */
  static reviews(settings: DivergenceSettings | null): boolean {
    return !!settings && settings.panel === 'assigned' && settings.threshold !== null;
  }

  /** `known`: the round's settings when the caller has read them already (the submit has). */
  async afterSubmit(manager: EntityManager, sheet: SubmittedSheetRef, known?: DivergenceSettings): Promise<DivergenceOutcome> {
    const settings = known ?? (await this.divergence.settings(manager, sheet.roundId));
    if (!settings || !DivergenceReviewService.reviews(settings)) return { action: 'none' };
    await this.divergence.lockEntry(manager, sheet.roundId, sheet.entryId);
    const state = await this.divergence.entryState(manager, sheet.roundId, sheet.entryId);
    const check = checkDivergence({
      totals: state.totals,
      threshold: settings.threshold,
      extraJudges: state.extraJudges,
      maxExtraJudges: settings.maxExtraJudges,
    });
    if (!check.needsExtraJudge || check.maxDifference === null) return { action: 'none' };

    await this.divergence.lockFacts(manager, settings.contestId);
    const { entries, judges, stored, assignments } = await this.divergence.candidates(manager, settings.contestId, sheet.roundId);
    const picked = pickExtraJudge({
      entryId: sheet.entryId,
      entries,
      judges,
      conflicts: [...detect(judges, entries), ...stored],
      existing: assignments,
      seed: `${sheet.roundId}:${sheet.entryId}:${state.extraJudges}`,
    });
    const base = {
      entryId: sheet.entryId,
      maxDifference: check.maxDifference,
      threshold: settings.threshold,
      totals: state.totals,
      triggeredBy: sheet.judgeId,
    };
    if (!picked.ok) {
      await this.audit.record(manager, {
        contestId: settings.contestId,
        actorId: null,
        action: 'divergence.no_judge_left',
        subjectType: 'round',
        subjectId: sheet.roundId,
        payload: base,
      });
      return { action: 'no_judge_left', maxDifference: check.maxDifference };
    }
    const assignmentId = await this.divergence.insertExtraJudge(manager, sheet.roundId, sheet.entryId, picked.judgeId);
    if (!assignmentId) return { action: 'none' };
    await this.audit.record(manager, {
      contestId: settings.contestId,
      actorId: null,
      action: 'divergence.extra_judge',
      subjectType: 'assignment',
      subjectId: assignmentId,
      payload: { ...base, judgeId: picked.judgeId, judgeLoad: picked.load },
    });
    const mail = await this.divergence.extraJudgeMail(manager, sheet.roundId, sheet.entryId, picked.judgeId);
    if (mail) {
      await this.mail.enqueue(manager, {
        to: mail.email,
        template: 'extra_assignment',
        language: mail.language,
        params: {
          displayName: mail.displayName,
          contestName: mail.contestName,
          roundName: mail.roundName,
          entryTitle: mail.entryTitle,
          scoresDueAt: mail.scoresDueAt?.toISOString() ?? null,
          timeZone: mail.timeZone,
        },
        userId: picked.judgeId,
        contestId: settings.contestId,
      });
    }
    return { action: 'extra_judge', judgeId: picked.judgeId, assignmentId, maxDifference: check.maxDifference };
  }
}
