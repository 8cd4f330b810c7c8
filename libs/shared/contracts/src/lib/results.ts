import type { AggregationMethod, PrizeTier, RankBy, RoundStatus } from './contests';
import type { VoteScope } from './votes';
import type { AssignmentStatus } from './judging';

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
  /** What ranks: judgeScore, or in a public-vote round (1 − p)·judgeScore + p·voteScore; null without a submitted sheet. */
  score: number | null;
  /** The round's aggregation of the submitted sheet totals; null without a submitted sheet. */
  judgeScore: number | null;
  /** Counted public votes (public-vote rounds only). */
  votes?: number;
  /** 100 · votes / the most votes in the entry's vote scope (public-vote rounds only). */
  voteScore?: number;
  /** Divergence review: the largest difference of two totals (null below two) and the judges it added. */
  divergence: DivergenceView;
  /** Plain mean of the sheet totals whatever the method, to show beside `score`. */
  rawMean: number | null;
  medianTotal: number | null;
  judgeCount: number;
  /**
   * Sheets the entry is ranked without: its judges (not recused) who did not submit, and in an
   * `assigned` panel recusals nobody took over below the round's judges per entry. Absent in
   * snapshots stored before it existed.
   */
  missingSheets?: number;
  /** Mean raw value per criterion id. */
  criterionMeans: Record<string, number>;
  /** Population standard deviation of the sheet totals. */
  spread: number | null;
  spreadFlagged: boolean;
  settledBy: SettledBy;
  /** Set once the round has advanced its entries into the next round. */
  outcome?: RoundOutcome;
}

export interface DivergenceView {
  maxDifference: number | null;
  /** Judges assigned by divergence review, by id. */
  extraJudges: string[];
  /** maxDifference reached the round's divergenceThreshold. */
  flagged: boolean;
}

export interface JudgeLeniencyView {
  judgeId: string;
  name: string;
  sheets: number;
  mean: number;
  /**
   * Mean, over the judge's sheets whose entry has another submitted sheet, of (the judge's total −
   * the mean of the other judges' totals for that entry); null when the judge shares no entry.
   */
  leniency: number | null;
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

/** `POST /api/rounds/:id/advance`: one gate or more, in any combination. */
export interface AdvanceRequest {
  /** The first N of each ranking scope that passed the other gates, and everyone tied with the N-th. */
  top?: number;
  /** Everyone scoring at least this. */
  minScore?: number;
  /** No criterion mean of 0. */
  noZeroCriterion?: boolean;
  /** true: answer who would advance and why not, changing nothing. */
  preview?: boolean;
}

/** Why an entry does not advance: a gate it fails, or it passed them but ranked after the first `top`. */
export type AdvanceFailure = 'no_score' | 'below_min_score' | 'zero_criterion' | 'below_top';

export interface AdvanceDecisionView {
  entryId: string;
  code: string | null;
  title: string;
  categoryId: string | null;
  rank: number;
  score: number | null;
  advances: boolean;
  failed: AdvanceFailure[];
  /** One of a tied group across the `top` boundary, which advances whole. */
  tiedAtTop: boolean;
}

export interface AdvanceTieView {
  categoryId: string | null;
  rank: number;
  entryIds: string[];
  /** How many more than `top` the tie takes through. */
  beyondTop: number;
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
  /** true: nothing was changed. */
  preview: boolean;
  gates: { top: number | null; minScore: number | null; noZeroCriterion: boolean };
  advanced: AdvancedEntryView[];
  eliminated: number;
  /** Every entry of the round with what it passed and why not. */
  decisions: AdvanceDecisionView[];
  ties: AdvanceTieView[];
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

export type PrizeSkipReason = 'below_min_score' | 'zero_criterion' | 'ineligible';

/** An entry the prize walk passed over although a place was within its reach, and why. */
export interface SkippedForPrizeView {
  entryId: string;
  code: string | null;
  title: string;
  categoryId: string | null;
  rank: number;
  score: number;
  reasons: PrizeSkipReason[];
}

export interface AwardsProposalView {
  contestId: string;
  /** The final round (the highest order), whose ranking the proposal walks. */
  roundId: string;
  minScoreForPrize: number;
  noZeroCriterion: boolean;
  lines: AwardProposalLineView[];
  skipped: SkippedForPrizeView[];
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
    /** The public vote blended into this ranking (share p of the score), when the final round held it. */
    publicVote?: { share: number; scope: VoteScope };
    entries: {
      rank: number;
      code: string | null;
      title: string;
      teamName: string;
      category: PublicCategoryRef | null;
      /** What ranks: the judges' score, or in a public-vote round (1 − p)·judgeScore + p·voteScore. */
      score: number | null;
      /** Public-vote rounds only: the parts of the blend. */
      judgeScore?: number | null;
      votes?: number;
      voteScore?: number;
    }[];
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

/**
 * What an applicant learns about an entry once the contest's results are published (`GET
 * /api/me/entries`, `result`; null before publication): a prize, a place in the final without a
 * prize, out in an earlier round, screened out as not eligible, or in no round at all.
 */
export interface OwnEntryResult {
  outcome: 'awarded' | 'finalist' | 'eliminated' | 'ineligible' | 'not_ranked';
  /** With `awarded`. */
  tier: PrizeTier | null;
  /** The prize's amount and currency, when the contest names them. */
  amount: number | null;
  currency: string | null;
  /** The last round the entry was ranked in (`finalist`, `eliminated`). */
  roundName: string | null;
}

/** `GET /api/rounds/:id/entries/:entryId/sheets`: one entry's judges in a round and what they gave, for the organizer. */
export interface EntrySheetsView {
  roundId: string;
  roundName: string;
  entryId: string;
  code: string | null;
  title: string;
  criteria: { id: string; name: string; weight: number; maxScore: number }[];
  /** Every assignment of the entry in the round, in the judges' name order. */
  sheets: EntrySheetView[];
}

export interface EntrySheetView {
  assignmentId: string;
  judgeId: string;
  judgeName: string;
  status: AssignmentStatus;
  recusalReason: string | null;
  /** Submitted sheets only: a draft is the judge's unfinished work and counts nowhere. */
  total: number | null;
  submittedAt: string | null;
  scores: { criterionId: string; value: number; comment: string | null; commentInternal: boolean }[];
  comment: string | null;
  commentInternal: boolean;
}
