import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError, type AuthUser, entryNotFound, managedOr404, roundNotFound, ServerTiming } from '@laurel/api-core';
import type { AdvanceDecisionView, AdvanceResponse, EntrySheetsView, RoundResultsView } from '@laurel/contracts';
import { AuditRepository, ResultsRepository, type ResultsRound } from '@laurel/api-database';
import { RoundResultsService } from '@laurel/api-round-results';
import { type AdvancementDecision, type AdvancementGates, planAdvancement, ScoringInputError } from '@laurel/domain';
import type { AdvanceDto } from './results.dto';

/**
 * A round's results for the organizer who manages it, and the advancement of its entries. The
 * results (and the snapshot of each closed round) come from RoundResultsService.
 */
@Injectable()
export class ResultsService {
  constructor(
    private readonly results: RoundResultsService,
    private readonly advancement: ResultsRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** The round if the actor manages its contest; 404 otherwise, as if it did not exist. */
  async managedRound(actor: AuthUser, roundId: string, manager?: EntityManager, timing = new ServerTiming()): Promise<ResultsRound> {
    return managedOr404(actor, await timing.measure('sql', () => this.results.findRound(roundId, manager)), roundNotFound);
  }

  /** `timing` collects where the time goes (sql, map, domain) for the Server-Timing header. */
  async roundResults(actor: AuthUser, roundId: string, timing = new ServerTiming()): Promise<RoundResultsView> {
    return this.results.roundResults(await this.managedRound(actor, roundId, undefined, timing), undefined, timing);
  }

  /** One entry's judges and sheets in a round of the actor's contest; 404 for a round or entry that is not theirs. */
  async entrySheets(actor: AuthUser, roundId: string, entryId: string): Promise<EntrySheetsView> {
    const round = await this.managedRound(actor, roundId);
    const view = await this.results.entrySheets(round, entryId);
    if (!view) throw entryNotFound();
    return view;
  }

  /**
   * Marks each entry of a closed round advanced or eliminated and makes the next round (the next
   * `order`) cover exactly the advanced ones, in one transaction. May be repeated with other gates
   * while the next round is still a draft. With `preview` it answers the same plan and changes
   * nothing, so the console can show who passes each gate before the organizer commits.
   */
  async advance(actor: AuthUser, roundId: string, dto: AdvanceDto): Promise<AdvanceResponse> {
    const gates = advancementGates(dto);
    await this.managedRound(actor, roundId);
    return this.advancement.transaction(async (tx) => {
      const round = dto.preview ? await this.results.findRound(roundId, tx) : await this.advancement.lockRound(roundId, tx);
      if (!round) throw roundNotFound();
      if (round.contestStatus === 'published') {
        throw AppError.conflict('round.contest_published', 'The results of this contest are published; entries can no longer advance.');
      }
      if (round.status !== 'closed') {
        throw AppError.conflict('round.not_closed', `Round "${round.name}" is ${round.status}. Close it before advancing its entries.`, {
          round: round.name,
        });
      }
      const next = (await this.results.contestRounds(round.contestId, tx)).find((r) => r.order > round.order);
      if (!next) {
        throw AppError.unprocessable(
          'round.no_next_round',
          `Round "${round.name}" is the last round of the contest: there is no round to advance into. Add a round with a higher order, or propose the awards.`,
          undefined,
          undefined,
          { round: round.name },
        );
      }
      if (next.status !== 'draft') {
        throw AppError.conflict(
          'round.next_started',
          `Round "${next.name}" is already ${next.status}; the entries it covers can no longer change.`,
          {
            round: next.name,
          },
        );
      }

      const results = await this.results.roundResults(round, tx);
      let plan;
      try {
        plan = planAdvancement(results.entries, gates, results.rankBy);
      } catch (error) {
        if (error instanceof ScoringInputError)
          throw AppError.badRequest('advance.invalid_gates', `The gates cannot be applied: ${error.message}.`);
        throw error;
      }
      const byId = new Map(results.entries.map((e) => [e.entryId, e]));
      const advanced = results.entries.filter((e) => plan.decisions.some((d) => d.entryId === e.entryId && d.advances));
      const answer = {
        roundId: round.id,
        nextRoundId: next.id,
        gates: { top: gates.top ?? null, minScore: gates.minScore ?? null, noZeroCriterion: gates.noZeroCriterion === true },
        advanced: advanced.map(({ entryId, code, title, categoryId, rank, score }) => ({ entryId, code, title, categoryId, rank, score })),
        decisions: plan.decisions.map((d): AdvanceDecisionView => {
          const entry = byId.get(d.entryId);
          return { ...d, failed: [...d.failed], code: entry?.code ?? null, title: entry?.title ?? '' };
        }),
        ties: plan.ties.map((t) => ({ ...t, entryIds: [...t.entryIds] })),
      };
      if (dto.preview) return { ...answer, preview: true, eliminated: results.entries.length - advanced.length };
      if (advanced.length === 0) throw nobodyAdvances(round.name, gates, plan.decisions);
      const eliminated = await this.advancement.applyAdvancement(
        tx,
        round.id,
        next.id,
        advanced.map((e) => e.entryId),
      );
      await this.audit.record(tx, {
        contestId: round.contestId,
        actorId: actor.id,
        action: 'round.advanced',
        subjectType: 'round',
        subjectId: round.id,
        payload: { gates: answer.gates, nextRoundId: next.id, advanced: advanced.map((e) => e.entryId), eliminated, ties: answer.ties },
      });
      return { ...answer, preview: false, eliminated };
    });
  }
}

function advancementGates(dto: AdvanceDto): AdvancementGates {
  if (dto.top === undefined && dto.minScore === undefined && dto.noZeroCriterion !== true) {
    const message = 'give top (the first N), minScore (everyone at or above it), noZeroCriterion: true, or several of them';
    throw AppError.badRequest('advance.rule_required', `Choose how entries advance: ${message}.`, [
      { field: 'top', code: 'required', message },
    ]);
  }
  return {
    ...(dto.top === undefined ? {} : { top: dto.top }),
    ...(dto.minScore === undefined ? {} : { minScore: dto.minScore }),
    ...(dto.noZeroCriterion ? { noZeroCriterion: true } : {}),
  };
}

function nobodyAdvances(roundName: string, gates: AdvancementGates, decisions: readonly AdvancementDecision[]): AppError {
  const scored = decisions.filter((d) => !d.failed.includes('no_score'));
  if (scored.length === 0)
    return AppError.unprocessable(
      'round.nobody_advances',
      `No entry of round "${roundName}" has a score yet, so none can advance.`,
      undefined,
      undefined,
      {
        round: roundName,
      },
    );
  const below = scored.filter((d) => d.failed.includes('below_min_score')).length;
  const zero = scored.filter((d) => d.failed.includes('zero_criterion')).length;
  const reasons = [
    ...(gates.minScore !== undefined ? [`${below} of ${scored.length} scored entries are below ${gates.minScore}`] : []),
    ...(gates.noZeroCriterion ? [`${zero} have a criterion scored 0 by every judge`] : []),
  ];
  return AppError.unprocessable(
    'round.nobody_advances',
    `No entry of round "${roundName}" passes the gates (${reasons.join('; ')}). Loosen a gate: a lower minimum score, or without noZeroCriterion.`,
    undefined,
    undefined,
    { round: roundName },
  );
}
