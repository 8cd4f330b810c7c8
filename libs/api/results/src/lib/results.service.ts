import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError, type AuthUser } from '@laurel/api-core';
import type { AdvanceResponse, RoundResultsView } from '@laurel/contracts';
import { AuditRepository, ResultsRepository, type ResultsRound } from '@laurel/api-database';
import { selectAdvancing, type AdvancementRule } from '@laurel/domain';
import { isUuid, manages, roundNotFound } from './access';
import type { AdvanceDto } from './results.dto';

/**
 * A round's results and the advancement of its entries. The numbers come from the domain through
 * ResultsRepository, which also keeps the snapshot of each closed round (see there).
 */
@Injectable()
export class ResultsService {
  constructor(
    private readonly results: ResultsRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** The round if the actor manages its contest; 404 otherwise, as if it did not exist. */
  async managedRound(actor: AuthUser, roundId: string, manager?: EntityManager): Promise<ResultsRound> {
    const round = isUuid(roundId) ? await this.results.findRound(roundId, manager) : null;
    if (!round || !manages(actor, round.ownerId)) throw roundNotFound();
    return round;
  }

  async roundResults(actor: AuthUser, roundId: string): Promise<RoundResultsView> {
    return this.results.roundResults(await this.managedRound(actor, roundId));
  }

  /**
   * Computes the round's results and stores them as its snapshot, replacing any earlier one.
   * Closing a round may call this inside its transaction; without that call the first read after
   * closing stores the snapshot.
   */
  storeRoundSnapshot(roundId: string, manager?: EntityManager): Promise<RoundResultsView> {
    return this.results.storeRoundSnapshot(roundId, manager);
  }

  /**
   * Marks each entry of a closed round advanced or eliminated and makes the next round (the next
   * `order`) cover exactly the advanced ones, in one transaction. May be repeated with another
   * rule while the next round is still a draft.
   */
  async advance(actor: AuthUser, roundId: string, dto: AdvanceDto): Promise<AdvanceResponse> {
    const rule = advancementRule(dto);
    await this.managedRound(actor, roundId);
    return this.results.transaction(async (tx) => {
      const round = await this.results.lockRound(roundId, tx);
      if (!round) throw roundNotFound();
      if (round.contestStatus === 'published') {
        throw AppError.conflict('round.contest_published', 'The results of this contest are published; entries can no longer advance.');
      }
      if (round.status !== 'closed') {
        throw AppError.conflict('round.not_closed', `Round "${round.name}" is ${round.status}. Close it before advancing its entries.`);
      }
      const next = (await this.results.contestRounds(round.contestId, tx)).find((r) => r.order > round.order);
      if (!next) {
        throw AppError.unprocessable(
          'round.no_next_round',
          `Round "${round.name}" is the last round of the contest: there is no round to advance into. Add a round with a higher order, or propose the awards.`,
        );
      }
      if (next.status !== 'draft') {
        throw AppError.conflict('round.next_started', `Round "${next.name}" is already ${next.status}; the entries it covers can no longer change.`);
      }

      const results = await this.results.roundResults(round, tx);
      const advancedIds = new Set(selectAdvancing(results.entries, rule, results.rankBy));
      if (advancedIds.size === 0) {
        throw AppError.unprocessable(
          'round.nobody_advances',
          'top' in rule
            ? `No entry of round "${round.name}" has a score yet, so none can advance.`
            : `No entry of round "${round.name}" scores ${rule.minScore} or more. Choose a lower minimum score.`,
        );
      }
      const advanced = results.entries.filter((e) => advancedIds.has(e.entryId));
      const eliminated = await this.results.applyAdvancement(tx, round.id, next.id, [...advancedIds]);
      await this.audit.record(tx, {
        contestId: round.contestId,
        actorId: actor.id,
        action: 'round.advanced',
        subjectType: 'round',
        subjectId: round.id,
        payload: { rule, nextRoundId: next.id, advanced: advanced.map((e) => e.entryId), eliminated },
      });
      return {
        roundId: round.id,
        nextRoundId: next.id,
        advanced: advanced.map(({ entryId, code, title, categoryId, rank, score }) => ({ entryId, code, title, categoryId, rank, score })),
        eliminated,
      };
    });
  }
}

function advancementRule(dto: AdvanceDto): AdvancementRule {
  const hasTop = dto.top !== undefined;
  const hasMin = dto.minScore !== undefined;
  if (hasTop === hasMin) {
    const message = hasTop ? 'give either top or minScore, not both' : 'give top (the first N) or minScore (everyone at or above it)';
    throw AppError.badRequest('advance.rule_required', `Choose how entries advance: ${message}.`, [{ field: hasTop ? 'minScore' : 'top', message }]);
  }
  return hasTop ? { top: dto.top as number } : { minScore: dto.minScore as number };
}
