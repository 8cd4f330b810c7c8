import type { AwardView } from './results';
import type { PrizeTier } from './contests';

export const COUNCIL_DECISIONS = ['approve', 'object'] as const;
export type CouncilDecisionValue = (typeof COUNCIL_DECISIONS)[number];

/** `POST /api/contests/:id/awards/approvals`, by a member of the council. */
export interface CouncilDecisionRequest {
  decision: CouncilDecisionValue;
  note?: string;
}

/** Where the council stands on the awards as they are confirmed now. */
export interface CouncilTallyView {
  members: number;
  approvals: number;
  objections: number;
  /** ⌈approvalShare × members⌉: publication waits until `approvals` reaches it. */
  required: number;
  reached: boolean;
}

export interface CouncilMemberView {
  userId: string;
  displayName: string;
  organization: string | null;
  decision: CouncilDecisionValue | null;
  note: string | null;
  decidedAt: string | null;
}

/**
 * `GET /api/contests/:id/awards/approvals`, for the organizer and the council's members: the
 * council, each member's decision and the tally on the awards confirmed now.
 */
export interface CouncilView {
  contestId: string;
  contestName: string;
  contestStatus: string;
  /** True when the organizer named the members; false: the judges of the final round. */
  named: boolean;
  approvalShare: number;
  members: CouncilMemberView[];
  tally: CouncilTallyView;
  /** True when the caller is a member (the one who may decide). */
  isMember: boolean;
  /** When the awards now standing were confirmed; null: nothing to decide on yet. */
  awardsConfirmedAt: string | null;
  awards: AwardView[];
  publishedAt: string | null;
}

/** `GET /api/me/council`: the contests whose council the caller sits on, not yet published. */
export interface MyCouncilView {
  contestId: string;
  contestName: string;
  awardsConfirmedAt: string | null;
  myDecision: CouncilDecisionValue | null;
  tally: CouncilTallyView;
}

/** The `details` of a 422 `awards.not_approved`. */
export interface NotApprovedDetails {
  tally: CouncilTallyView;
}

// ---------------------------------------------------------------------------------------------
// Feedback to applicants
// ---------------------------------------------------------------------------------------------

export interface FeedbackCriterionView {
  criterionId: string;
  name: string;
  maxScore: number;
  /** The entry's mean raw value; null when hidden by the organizer or not scored. */
  mean: number | null;
  /** The mean over the category's entries of their means; null when hidden. */
  categoryAverage: number | null;
}

export interface FeedbackCommentView {
  /** 1, 2, … per entry, the same in every round: shown as "Giám khảo 1" / "Judge 1". */
  judgeNumber: number;
  /** The criterion the comment is about; null for a comment on the whole sheet. */
  criterionName: string | null;
  text: string;
}

export interface FeedbackRoundView {
  roundId: string;
  roundName: string;
  order: number;
  /** Set once the round ranked the entry. */
  score: number | null;
  rank: number | null;
  /** How many entries share the ranking scope (the round, or the entry's category). */
  rankedEntries: number;
  rankScope: 'overall' | 'category';
  outcome: 'advanced' | 'eliminated' | null;
  criteria: FeedbackCriterionView[];
  comments: FeedbackCommentView[];
}

/** `GET /api/entries/:id/feedback`, for the entry's owner once the results are published. */
export interface EntryFeedbackView {
  entryId: string;
  code: string | null;
  title: string;
  contestName: string;
  categoryName: string | null;
  showCriterionMeans: boolean;
  showCategoryAverage: boolean;
  showComments: boolean;
  award: { tier: PrizeTier; prizeAmount: number | null; currency: string | null } | null;
  rounds: FeedbackRoundView[];
}

export const DOCUMENT_LANGUAGES = ['vi', 'en'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

/** `?lang=` of a document: its language; absent, the contest's own. */
export interface DocumentQuery {
  lang?: DocumentLanguage;
}
