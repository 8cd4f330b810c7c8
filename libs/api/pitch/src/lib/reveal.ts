import { Injectable } from '@nestjs/common';
import type { RevealTierView, StageView } from '@laurel/contracts';
import { AwardsRepository, ContestsRepository, type PitchRound } from '@laurel/api-database';
import { RoundResultsService } from '@laurel/api-round-results';
import { allocatePrizes, revealedTiers } from '@laurel/domain';

/**
 * The awards the board reveals tier by tier: the confirmed awards when the contest has them,
 * else the proposal the domain allocates from this round's ranking (the prizes, the minimum
 * score and eligibility applied as on the awards page). Only revealed tiers leave this class.
 */
@Injectable()
export class RevealReader {
  constructor(
    private readonly awards: AwardsRepository,
    private readonly results: RoundResultsService,
    private readonly contests: ContestsRepository,
  ) {}

  async reveal(round: PitchRound, step: number): Promise<StageView['reveal']> {
    const tiers = revealedTiers(step);
    if (tiers.length === 0) return { step, source: null, tiers: [] };
    const confirmed = await this.awards.list(round.contestId);
    if (confirmed.length > 0) {
      return {
        step,
        source: 'confirmed',
        tiers: tiers.map((tier): RevealTierView => ({
          tier,
          entries: confirmed
            .filter((a) => a.tier === tier)
            .map((a) => ({
              entryId: a.entryId,
              code: a.code,
              title: a.title,
              teamName: a.teamName,
              rank: a.rank,
              score: a.score,
              categoryId: a.categoryId,
            })),
        })),
      };
    }
    const resultsRound = await this.results.findRound(round.id);
    const contest = await this.contests.findById(round.contestId);
    if (!resultsRound || !contest) return { step, source: null, tiers: [] };
    const [results, ineligible] = await Promise.all([this.results.roundResults(resultsRound), this.results.ineligibleEntries(round.id)]);
    const lines = allocatePrizes({
      ranking: results.entries.map((e) => ({
        entryId: e.entryId,
        categoryId: e.categoryId,
        rank: e.rank,
        score: e.score,
        eligible: !ineligible.has(e.entryId),
      })),
      rankBy: results.rankBy,
      prizes: contest.prizes.map((p) => ({ tier: p.tier, count: p.count, categoryId: p.categoryId })),
      minScoreForPrize: contest.contest.minScoreForPrize,
    });
    const entries = new Map(results.entries.map((e) => [e.entryId, e]));
    return {
      step,
      source: 'proposed',
      tiers: tiers.map((tier): RevealTierView => ({
        tier,
        entries: lines
          .filter((l) => l.tier === tier && l.entryId && entries.has(l.entryId))
          .map((l) => {
            const e = entries.get(l.entryId as string) as (typeof results.entries)[number];
            return {
              entryId: e.entryId,
              code: e.code,
              title: e.title,
              teamName: e.teamName,
              rank: e.rank,
              score: e.score,
              categoryId: e.categoryId,
            };
          }),
      })),
    };
  }
}
