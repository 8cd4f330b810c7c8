import type { ContestView, PrizeTier, RoundView } from '@laurel/contracts';
import type { ContestAggregate, CriterionEntity, RoundEntity } from '@laurel/api-database';
import { DEFAULT_APPROVAL_SHARE } from '@laurel/domain';

const TIER_ORDER: PrizeTier[] = ['first', 'second', 'third', 'encouragement'];

export function toContestView({ contest, categories, rounds, criteria, prizes, submittedEntries }: ContestAggregate): ContestView {
  return {
    id: contest.id,
    version: contest.version,
    name: contest.name,
    slug: contest.slug,
    year: contest.year,
    status: contest.status,
    description: contest.description,
    submissionOpensAt: contest.submissionOpensAt.toISOString(),
    submissionClosesAt: contest.submissionClosesAt.toISOString(),
    minScoreForPrize: contest.minScoreForPrize,
    noZeroCriterion: contest.noZeroCriterion,
    publicVote: contest.publicVote,
    requirePitchDeck: contest.requirePitchDeck,
    codePrefix: contest.codePrefix,
    language: contest.language,
    timeZone: contest.timeZone,
    categories: categories.map((c) => ({ id: c.id, name: c.name })),
    rounds: rounds.map((round) => toRoundView(round, criteria)),
    prizes: [...prizes]
      .sort((a, b) => TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier))
      .map((p) => ({ id: p.id, tier: p.tier, count: p.count, amount: p.amount, currency: p.currency, categoryId: p.categoryId })),
    council: { approvalShare: contest.councilApprovalShare ?? DEFAULT_APPROVAL_SHARE, named: contest.councilMemberIds !== null },
    councilMeetingAt: contest.councilMeetingAt?.toISOString() ?? null,
    councilMeetingPlace: contest.councilMeetingPlace,
    feedback: contest.feedback,
    formFields: contest.formFields,
    eligibilityRules: contest.eligibilityRules,
    formLocked: submittedEntries > 0,
  };
}

/** `criteria` may hold other rounds' criteria too; the round's own are picked, in their order. */
export function toRoundView(round: RoundEntity, criteria: CriterionEntity[]): RoundView {
  return {
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
    divergenceThreshold: round.divergenceThreshold,
    maxExtraJudges: round.maxExtraJudges,
    scoresDueAt: round.scoresDueAt?.toISOString() ?? null,
    reminderHoursBefore: round.reminderHoursBefore,
    live: { enabled: round.liveEnabled },
    criteria: criteria
      .filter((c) => c.roundId === round.id)
      .sort((a, b) => a.position - b.position)
      .map((c) => ({
        id: c.id,
        name: c.name,
        description: c.description,
        weight: c.weight,
        maxScore: c.maxScore,
        order: c.position,
      })),
  };
}
