import type { AggregationMethod, PrizeTier, RankBy, RoundStatus } from './contests';

/** Which rule of the tie-break chain settled an entry's place (`score` when it was not tied). */
export const SETTLED_BY = ['score', 'priority_criteria', 'head_to_head', 'median', 'tie'] as const;
export type SettledBy = (typeof SETTLED_BY)[number];

/** What became of an entry once its round advanced entries into the next one. */
export type RoundOutcome = 'advanced' | 'eliminated';

export type IccKind = 'ICC(2,k)' | 'ICC(1,k)';
export type IccBand = 'poor' | 'moderate' | 'good' | 'excellent';

export interface ResultCriterionView {
  id: string;
  name: string;
  weight: number;
  maxScore: number;
}

/** One entry of a round's ranking. Numbers carry full precision; round them for display only. */
export interface RoundResultEntryView {
  entryId: string;
  code: string | null;
  title: string;
  teamName: string;
  categoryId: string | null;
  /** Competition rank inside the ranking scope (the round, or the entry's category). */
  rank: number;
  /** The round's aggregation of the submitted sheet totals; null without a submitted sheet. */
  score: number | null;
  /** Plain mean of the sheet totals whatever the method, to show beside `score`. */
  rawMean: number | null;
  medianTotal: number | null;
  judgeCount: number;
  /** Mean raw value per criterion id. */
  criterionMeans: Record<string, number>;
  /** Population standard deviation of the sheet totals. */
  spread: number | null;
  spreadFlagged: boolean;
  settledBy: SettledBy;
  /** Set once the round has advanced its entries into the next round. */
  outcome?: RoundOutcome;
}

export interface JudgeLeniencyView {
  judgeId: string;
  name: string;
  sheets: number;
  mean: number;
  /** The judge's mean total − the mean of all submitted totals of the round. */
  leniency: number;
}

export interface ReliabilityView {
  iccKind: IccKind | null;
  icc: number | null;
  iccBand: IccBand | null;
  kendallW: number | null;
  judges: JudgeLeniencyView[];
  flaggedEntries: string[];
}

/**
 * `GET /api/rounds/:id/results`. A closed round answers the snapshot stored when it was first
 * read after closing (`snapshotAt`); a round that is not closed is computed on every read
 * (`snapshotAt: null`).
 */
export interface RoundResultsView {
  roundId: string;
  contestId: string;
  roundName: string;
  roundStatus: RoundStatus;
  method: AggregationMethod;
  rankBy: RankBy;
  criteria: ResultCriterionView[];
  /** Criterion ids, in the order they break ties. */
  priorityCriteria: string[];
  /** By scope (categories by id, no category last), then rank. */
  entries: RoundResultEntryView[];
  reliability: ReliabilityView;
  computedAt: string;
  snapshotAt: string | null;
}

/** `POST /api/rounds/:id/advance`: exactly one of the two. */
export interface AdvanceRequest {
  /** The first N of each ranking scope, and everyone tied with the N-th. */
  top?: number;
  /** Everyone scoring at least this. */
  minScore?: number;
}

export interface AdvancedEntryView {
  entryId: string;
  code: string | null;
  title: string;
  categoryId: string | null;
  rank: number;
  score: number | null;
}

export interface AdvanceResponse {
  roundId: string;
  nextRoundId: string;
  advanced: AdvancedEntryView[];
  eliminated: number;
}

/** One prize place of the proposal, in the order places are filled. */
export interface AwardProposalLineView {
  tier: PrizeTier;
  /** Set when the prize is for one category's entries. */
  categoryId: string | null;
  entryId?: string;
  code?: string | null;
  title?: string;
  teamName?: string;
  rank?: number;
  score?: number;
  /** A tie across a tier boundary: the organizer decides, with a reason. */
  needsDecision?: true;
  /** The ranking ran out before this place. */
  notAwarded?: true;
  prizeAmount: number | null;
  currency: string | null;
}

export interface AwardsProposalView {
  contestId: string;
  /** The final round (the highest order), whose ranking the proposal walks. */
  roundId: string;
  minScoreForPrize: number;
  lines: AwardProposalLineView[];
}

export interface AwardInput {
  tier: PrizeTier;
  entryId: string;
  /** Needed whenever the award differs from the proposal. */
  reason?: string;
}

export interface ConfirmAwardsRequest {
  awards: AwardInput[];
}

export interface AwardView {
  /** 1-based position in the order places are filled. */
  place: number;
  tier: PrizeTier;
  categoryId: string | null;
  entryId: string;
  code: string | null;
  title: string;
  teamName: string;
  rank: number | null;
  score: number | null;
  /** The organizer's reason where the award differs from the proposal. */
  reason: string | null;
  prizeAmount: number | null;
  currency: string | null;
  confirmedAt: string;
}

export interface ConfirmedAwardsView {
  contestId: string;
  awards: AwardView[];
  publishedAt: string | null;
}

export interface PublishResponse {
  contestId: string;
  status: 'published';
  publishedAt: string;
}

export interface PublicCategoryRef {
  id: string;
  name: string;
}

/** `GET /api/public/contests/:slug/results`: no judge, sheet or per-judge number anywhere. */
export interface PublicResultsView {
  contest: { id: string; slug: string; name: string; year: number; publishedAt: string };
  awards: {
    tier: PrizeTier;
    place: number;
    code: string | null;
    title: string;
    teamName: string;
    category: PublicCategoryRef | null;
    score: number | null;
    prizeAmount: number | null;
    currency: string | null;
  }[];
  ranking: {
    roundName: string;
    rankBy: RankBy;
    entries: { rank: number; code: string | null; title: string; teamName: string; category: PublicCategoryRef | null; score: number | null }[];
  };
}

/** `POST /api/rounds/:id/live-ticket`: EventSource cannot send headers, so the stream takes this in its URL. */
export interface LiveTicketView {
  ticket: string;
  expiresAt: string;
  /** The stream's path with the ticket, for `new EventSource(url)`. */
  url: string;
}

/** The `standings` event of `GET /api/rounds/:id/live`. */
export interface LiveStandingsView {
  roundId: string;
  roundName: string;
  roundStatus: RoundStatus;
  method: AggregationMethod;
  rankBy: RankBy;
  generatedAt: string;
  progress: { submittedSheets: number; expectedSheets: number };
  entries: {
    rank: number;
    entryId: string;
    code: string | null;
    title: string;
    teamName: string;
    categoryId: string | null;
    score: number | null;
    judgeCount: number;
    settledBy: SettledBy;
  }[];
}
