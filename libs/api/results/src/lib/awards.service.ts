import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError, type AuthUser, contestNotFound, managesContest } from '@laurel/api-core';
import type {
  AwardProposalLineView,
  AwardsProposalView,
  AwardView,
  ConfirmedAwardsView,
  PublicCategoryRef,
  PublicResultsView,
  PublishResponse,
  RoundResultsView,
} from '@laurel/contracts';
import {
  type AwardRow,
  AwardsRepository,
  AuditRepository,
  type ContestAggregate,
  ContestsRepository,
  type ResultsRound,
} from '@laurel/api-database';
import { RoundResultsService } from '@laurel/api-round-results';
import {
  allocatePrizesExplained,
  type AwardCandidate,
  planAwards,
  type PrizeLine,
  type PrizePlaces,
  ScoringInputError,
  type SkippedForPrize,
} from '@laurel/domain';
import { CouncilService, notApprovedMessage } from './council.service';
import { PublicationMail } from './publication-mail';
import type { ConfirmAwardsDto } from './results.dto';

interface Proposal {
  round: ResultsRound;
  results: RoundResultsView;
  lines: PrizeLine[];
  skipped: SkippedForPrize[];
  ranking: Map<string, AwardCandidate>;
  prizes: PrizePlaces[];
}

/**
 * Awards and publication. The proposal walks the final round's ranking (the round with the
 * highest order, closed) with the domain's prize allocation; a confirmation replaces the
 * awards as a whole and names a reason wherever it departs from the proposal; publishing makes
 * the awards and the final ranking public, for good.
 */
@Injectable()
export class AwardsService {
  constructor(
    private readonly contests: ContestsRepository,
    private readonly results: RoundResultsService,
    private readonly awards: AwardsRepository,
    private readonly audit: AuditRepository,
    private readonly council: CouncilService,
    private readonly publicationMail: PublicationMail,
  ) {}

  async proposal(actor: AuthUser, contestId: string): Promise<AwardsProposalView> {
    const contest = await this.managedContest(actor, contestId);
    const proposal = await this.propose(contest);
    const entries = new Map(proposal.results.entries.map((e) => [e.entryId, e]));
    return {
      contestId,
      roundId: proposal.round.id,
      minScoreForPrize: contest.contest.minScoreForPrize,
      noZeroCriterion: contest.contest.noZeroCriterion,
      skipped: proposal.skipped.map((s) => {
        const entry = entries.get(s.entryId);
        return { ...s, reasons: [...s.reasons], code: entry?.code ?? null, title: entry?.title ?? '' };
      }),
      lines: proposal.lines.map((line): AwardProposalLineView => {
        const entry = line.entryId ? entries.get(line.entryId) : undefined;
        const prize = prizeOf(contest, line.tier, line.categoryId ?? null);
        return {
          tier: line.tier,
          categoryId: line.categoryId ?? null,
          ...(entry
            ? { entryId: entry.entryId, code: entry.code, title: entry.title, teamName: entry.teamName, rank: line.rank, score: line.score }
            : {}),
          ...(line.needsDecision ? { needsDecision: true as const } : {}),
          ...(line.notAwarded ? { notAwarded: true as const } : {}),
          prizeAmount: prize?.amount ?? null,
          currency: prize?.currency ?? null,
        };
      }),
    };
  }

  async confirmed(actor: AuthUser, contestId: string): Promise<ConfirmedAwardsView> {
    const contest = await this.managedContest(actor, contestId);
    const state = await this.awards.publicationState(contestId);
    return {
      contestId,
      awards: (await this.awards.list(contest.contest.id)).map(toAwardView),
      publishedAt: state?.publishedAt?.toISOString() ?? null,
    };
  }

  async confirm(actor: AuthUser, contestId: string, dto: ConfirmAwardsDto): Promise<ConfirmedAwardsView> {
    const contest = await this.managedContest(actor, contestId);
    await this.awards.withContestLock(contestId, async (state, tx) => {
      if (!state || !managesContest(actor, state)) throw contestNotFound();
      if (state.status === 'published') {
        throw AppError.conflict('awards.published', 'The results of this contest are published; its awards are final.');
      }
      const proposal = await this.propose(contest, tx);
      const { awards, problems } = planAwards(proposal.lines, proposal.prizes, proposal.ranking, dto.awards);
      if (problems.length > 0) {
        throw AppError.unprocessable(
          'awards.invalid',
          `The awards cannot be confirmed: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}.`,
          problems,
        );
      }
      await this.awards.replace(tx, contestId, awards, actor.id);
      const approvalsCleared = await this.council.clear(tx, contestId);
      const approvalRequested = await this.council.requestApproval(tx, { id: contestId, name: contest.contest.name }, awards.length);
      await this.audit.record(tx, {
        contestId,
        actorId: actor.id,
        action: 'awards.confirmed',
        subjectType: 'contest',
        subjectId: contestId,
        payload: {
          roundId: proposal.round.id,
          awards: awards.map((a) => ({ place: a.place, tier: a.tier, entryId: a.entryId, override: a.override, reason: a.reason })),
          approvalsCleared,
          approvalRequested,
        },
      });
    });
    return this.confirmed(actor, contestId);
  }

  /** Publishes a judged contest with confirmed awards: contest → published, for good. */
  async publish(actor: AuthUser, contestId: string): Promise<PublishResponse> {
    const contest = await this.managedContest(actor, contestId);
    return this.awards.withContestLock(contestId, async (state, tx) => {
      if (!state || !managesContest(actor, state)) throw contestNotFound();
      if (state.status === 'published') {
        throw AppError.conflict('contest.already_published', `The results were already published on ${state.publishedAt?.toISOString()}.`);
      }
      if (state.status !== 'judging') {
        throw AppError.conflict(
          'contest.not_judging',
          `Results are published from judging; this contest is ${state.status}. Move it to judging first.`,
        );
      }
      // The final round must still be closed: its snapshot is the ranking the public will see.
      const proposal = await this.propose(contest, tx);
      if ((await this.awards.count(tx, contestId)) === 0) {
        throw AppError.unprocessable(
          'contest.awards_not_confirmed',
          'Confirm the awards first (POST /api/contests/:id/awards), then publish.',
        );
      }
      const { tally } = await this.council.state(tx, contestId);
      if (!tally.reached) {
        const { approvals, members, objections, required } = tally;
        throw AppError.unprocessable(
          'awards.not_approved',
          notApprovedMessage(tally),
          undefined,
          { tally },
          { approvals, members, objections, required },
        );
      }
      const publishedAt = await this.awards.publish(tx, contestId);
      const mailed = await this.publicationMail.announce(tx, contest.contest);
      await this.audit.record(tx, {
        contestId,
        actorId: actor.id,
        action: 'contest.published',
        subjectType: 'contest',
        subjectId: contestId,
        payload: { roundId: proposal.round.id, snapshotAt: proposal.results.snapshotAt, council: tally, applicantsMailed: mailed },
      });
      return { contestId, status: 'published', publishedAt: publishedAt.toISOString() };
    });
  }

  /** Awards and the final ranking of a published contest; 404 until it is published. */
  async publicResults(slug: string): Promise<PublicResultsView> {
    const published = await this.awards.findPublished(slug);
    const contest = published ? await this.contests.findById(published.id) : null;
    const final = contest ? finalRound(contest) : undefined;
    const round = final ? await this.results.findRound(final.id) : null;
    if (!published || !contest || !round) {
      throw AppError.notFound(
        'results.not_published',
        'No published results at this address. Results appear here once the organizers publish them.',
      );
    }
    const results = await this.results.roundResults(round);
    const categories = new Map(contest.categories.map((c) => [c.id, { id: c.id, name: c.name }]));
    const category = (id: string | null): PublicCategoryRef | null => (id ? (categories.get(id) ?? null) : null);
    const entryCategory = new Map(results.entries.map((e) => [e.entryId, e.categoryId]));
    const voteRound = results.entries.some((e) => e.votes !== undefined);
    return {
      contest: {
        id: published.id,
        slug: published.slug,
        name: published.name,
        year: published.year,
        publishedAt: published.publishedAt.toISOString(),
      },
      awards: (await this.awards.list(published.id)).map((a) => ({
        tier: a.tier,
        place: a.place,
        code: a.code,
        title: a.title,
        teamName: a.teamName,
        category: category(entryCategory.get(a.entryId) ?? a.categoryId),
        score: a.score,
        prizeAmount: a.prizeAmount,
        currency: a.currency,
      })),
      ranking: {
        roundName: results.roundName,
        rankBy: results.rankBy,
        // The blend is public like the score it makes: the public sees why an entry ranks where it does.
        ...(voteRound && round.publicVote ? { publicVote: { share: round.publicVote.share, scope: round.publicVote.scope } } : {}),
        entries: results.entries.map((e) => ({
          rank: e.rank,
          code: e.code,
          title: e.title,
          teamName: e.teamName,
          category: category(e.categoryId),
          score: e.score,
          ...(voteRound ? { judgeScore: e.judgeScore, votes: e.votes ?? 0, voteScore: e.voteScore ?? 0 } : {}),
        })),
      },
    };
  }

  private async managedContest(actor: AuthUser, contestId: string): Promise<ContestAggregate> {
    const found = await this.contests.findById(contestId);
    if (!found || !managesContest(actor, found.contest)) throw contestNotFound();
    return found;
  }

  private async propose(contest: ContestAggregate, manager?: EntityManager): Promise<Proposal> {
    const final = finalRound(contest);
    if (!final) {
      throw AppError.unprocessable(
        'awards.no_rounds',
        'The contest has no round, so there is no ranking to award. Add and run a round first.',
      );
    }
    const round = await this.results.findRound(final.id, manager);
    if (!round || round.status !== 'closed') {
      throw AppError.conflict(
        'awards.final_round_not_closed',
        `The final round "${final.name}" is ${round?.status ?? final.status}. Awards follow its ranking: close it first.`,
        { round: final.name },
      );
    }
    const results = await this.results.roundResults(round, manager);
    const ineligible = await this.results.ineligibleEntries(round.id, manager);
    const ranking = new Map(
      results.entries.map((e): [string, AwardCandidate] => [
        e.entryId,
        {
          entryId: e.entryId,
          code: e.code,
          categoryId: e.categoryId,
          rank: e.rank,
          score: e.score,
          eligible: !ineligible.has(e.entryId),
          criterionMeans: e.criterionMeans,
        },
      ]),
    );
    const categoryNames = new Map(contest.categories.map((c) => [c.id, c.name]));
    const prizes = contest.prizes.map((p): PrizePlaces => ({
      tier: p.tier,
      count: p.count,
      categoryId: p.categoryId,
      ...(p.categoryId ? { categoryName: categoryNames.get(p.categoryId) ?? p.categoryId } : {}),
    }));
    let allocation: { lines: PrizeLine[]; skipped: SkippedForPrize[] };
    try {
      allocation = allocatePrizesExplained({
        ranking: [...ranking.values()],
        rankBy: results.rankBy,
        prizes,
        minScoreForPrize: contest.contest.minScoreForPrize,
        noZeroCriterion: contest.contest.noZeroCriterion,
      });
    } catch (error) {
      if (error instanceof ScoringInputError)
        throw AppError.unprocessable('awards.prizes_mismatch', `The prizes cannot be allocated: ${error.message}.`);
      throw error;
    }
    return { round, results, lines: allocation.lines, skipped: allocation.skipped, ranking, prizes };
  }
}

function finalRound({ rounds }: ContestAggregate) {
  return [...rounds].sort((a, b) => b.order - a.order)[0];
}

function prizeOf({ prizes }: ContestAggregate, tier: string, categoryId: string | null) {
  return prizes.find((p) => p.tier === tier && p.categoryId === categoryId);
}

function toAwardView(row: AwardRow): AwardView {
  return { ...row, confirmedAt: row.confirmedAt.toISOString() };
}
