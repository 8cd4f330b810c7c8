import type { MailLanguage } from './auth';

/** How a public vote's "most votes" is scoped: the whole round, or each entry's category. */
export const VOTE_SCOPES = ['overall', 'category'] as const;
export type VoteScope = (typeof VOTE_SCOPES)[number];

/** A contest's public vote (bình chọn). `share` is p of score = (1 − p)·judgeScore + p·voteScore, 0 ≤ p ≤ 0.5. */
export interface PublicVoteSettings {
  enabled: boolean;
  /** The round whose entries are on the ballot and whose ranking the vote blends into. */
  roundId: string;
  opensAt: string;
  closesAt: string;
  share: number;
  scope: VoteScope;
}

/** `GET /api/public/contests/:slug/ballot`: public fields only. */
export interface BallotView {
  contest: { slug: string; name: string; year: number };
  vote: { opensAt: string; closesAt: string; scope: VoteScope; open: boolean };
  categories: { id: string; name: string }[];
  entries: { entryId: string; code: string | null; title: string; teamName: string; summary: string; categoryId: string | null }[];
}

/** `POST /api/public/contests/:slug/votes`. */
export interface CastVoteRequest {
  entryId: string;
  email: string;
  language?: MailLanguage;
}

export interface CastVoteResponse {
  message: string;
}

/** `POST /api/public/votes/confirm`. */
export interface ConfirmVoteRequest {
  token: string;
}

export interface ConfirmVoteResponse {
  counted: true;
  entry: { code: string | null; title: string };
}

/** `GET /api/contests/:id/votes`: the organizer's live counts. */
export interface VoteCountsView {
  contestId: string;
  settings: PublicVoteSettings | null;
  open: boolean;
  entries: {
    entryId: string;
    code: string | null;
    title: string;
    categoryId: string | null;
    votes: number;
    pending: number;
    voided: number;
  }[];
  /** The latest counted and voided votes, newest first (addresses masked). */
  recent: { id: string; entryId: string; mailbox: string; confirmedAt: string; voidedAt: string | null; voidReason: string | null }[];
  totals: { counted: number; pending: number; voided: number };
}

/** `POST /api/votes/:id/void`. */
export interface VoidVoteRequest {
  reason: string;
}
