export type { AggregationMethod, Criterion, LeanSheet, PrizeTier, RankBy, ScoreValues, SettledBy, Sheet } from './scoring.types';
export { PRIZE_TIER_ORDER } from './scoring.types';
export { ScoringInputError } from './scoring-input-error';
export type { ScoreValueProblem } from './score-value';
export { validateScoreValue } from './score-value';
export { missingCriteria, sheetTotal } from './sheet-total';
export type { EntryResult, RoundEntry, RoundInput, RoundResults, SheetResult } from './round-results';
export { computeRoundResults, SCORING_DEFAULTS } from './round-results';
export type { IccBand, IccKind, JudgeLeniency, RoundReliability } from './reliability';
export type { RankedEntry } from './ranking-scope';
export type { GatedEntry, GateFailure, ScoreGates } from './gates';
export { gateFailures, hasZeroCriterion } from './gates';
export type {
  AdvancementDecision,
  AdvancementFailure,
  AdvancementGates,
  AdvancementPlan,
  AdvancementRule,
  TopBoundaryTie,
} from './advancement';
export { planAdvancement, selectAdvancing } from './advancement';
export type { PrizeCandidate, PrizeInput, PrizeLine, PrizeSkipReason, PrizeSpec, SkippedForPrize } from './prizes';
export { allocatePrizes, allocatePrizesExplained } from './prizes';
export type { AwardCandidate, AwardProblem, AwardProblemCode, PlannedAward, PrizePlaces, RequestedAward } from './award-plan';
export { AWARD_PROBLEM_CODES, planAwards } from './award-plan';
export type { DivergenceCheck, DivergenceInput } from './divergence';
export { checkDivergence, DIVERGENCE_DEFAULTS, isDivergent, maxDifference } from './divergence';
export type { BlendedScore, PublicVoteInput, VoteBlendEntry, VoteScope } from './public-vote';
export { blendVotes, MAX_VOTE_SHARE, tallyVotes, voterMailbox } from './public-vote';
