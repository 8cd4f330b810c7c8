import type { ContestView, PrizeTier, RoundView } from '@laurel/contracts';
import type { ContestAggregate } from '@laurel/api-database';

const TIER_ORDER: PrizeTier[] = ['first', 'second', 'third', 'encouragement'];

export function toContestView({ contest, categories, rounds, criteria, prizes }: ContestAggregate): ContestView {
  return {
    id: contest.id,
    name: contest.name,
    slug: contest.slug,
    year: contest.year,
    status: contest.status,
    description: contest.description,
    submissionOpensAt: contest.submissionOpensAt.toISOString(),
    submissionClosesAt: contest.submissionClosesAt.toISOString(),
    minScoreForPrize: contest.minScoreForPrize,
    requirePitchDeck: contest.requirePitchDeck,
    categories: categories.map((c) => ({ id: c.id, name: c.name })),
    rounds: rounds.map(
      (round): RoundView => ({
        id: round.id,
        name: round.name,
        order: round.order,
        status: round.status,
        panel: round.panel,
        judgesPerEntry: round.judgesPerEntry,
        blind: round.blind,
        aggregation: round.aggregation,
        trim: round.trim,
        minSheetsForNormalization: round.minSheetsForNormalization,
        rankBy: round.rankBy,
        priorityCriteria: round.priorityCriteria,
        criteria: criteria
          .filter((c) => c.roundId === round.id)
          .map((c) => ({
            id: c.id,
            name: c.name,
            description: c.description,
            weight: c.weight,
            maxScore: c.maxScore,
            order: c.position,
          })),
      }),
    ),
    prizes: [...prizes]
      .sort((a, b) => TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier))
      .map((p) => ({ id: p.id, tier: p.tier, count: p.count, amount: p.amount, currency: p.currency, categoryId: p.categoryId })),
  };
}
