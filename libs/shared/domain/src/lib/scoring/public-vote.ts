import { groupByScope } from './ranking-scope';
import { ScoringInputError } from './scoring-input-error';

export type VoteScope = 'overall' | 'category';

/** The largest share of the score a public vote may take (DESIGN: 0 ≤ p ≤ 0.5). */
export const MAX_VOTE_SHARE = 0.5;

export interface PublicVoteInput {
  /** p, 0 ≤ p ≤ 0.5. */
  readonly share: number;
  readonly scope: VoteScope;
  /** Counted (confirmed, not voided) votes per entry id; an entry missing here has none. */
  readonly votes: Readonly<Record<string, number>>;
}

export interface VoteBlendEntry {
  readonly entryId: string;
  readonly categoryId: string | null;
  /** The round's aggregation of the entry's totals; null without submitted sheets. */
  readonly judgeScore: number | null;
}

export interface BlendedScore {
  readonly entryId: string;
  readonly judgeScore: number | null;
  readonly votes: number;
  /** 100 · votes / the most votes of an entry in its scope; 0 when nobody in the scope voted. */
  readonly voteScore: number;
  /** (1 − p) · judgeScore + p · voteScore; null without a judge score (an entry is never ranked on votes alone). */
  readonly score: number | null;
}

/**
 * DESIGN's public-vote blend, one line per entry in input order. The scope of "the most votes"
 * is the vote's own (`overall`, or the entry's category), not the round's ranking scope.
 * With p = 0 the score is the judge score exactly: (1 − 0) · j + 0 · v is j in floating point,
 * so the judges' ranking is unchanged to the last bit.
 */
export function blendVotes(entries: readonly VoteBlendEntry[], vote: PublicVoteInput): BlendedScore[] {
  validateVote(entries, vote);
  const p = vote.share;
  const mostVotes = new Map<string, number>();
  for (const scope of groupByScope(entries, vote.scope)) {
    const most = Math.max(0, ...scope.map((entry) => vote.votes[entry.entryId] ?? 0));
    for (const entry of scope) mostVotes.set(entry.entryId, most);
  }
  return entries.map((entry) => {
    const votes = vote.votes[entry.entryId] ?? 0;
    const most = mostVotes.get(entry.entryId) ?? 0;
    // votes / most before × 100, so the top entry gets exactly 100 (as in sheetTotal).
    const voteScore = most > 0 ? 100 * (votes / most) : 0;
    return {
      entryId: entry.entryId,
      judgeScore: entry.judgeScore,
      votes,
      voteScore,
      score: entry.judgeScore === null ? null : (1 - p) * entry.judgeScore + p * voteScore,
    };
  });
}

/** Counted votes per entry from the list of counted ballots; the order of the ballots never matters. */
export function tallyVotes(ballots: readonly { readonly entryId: string }[]): Record<string, number> {
  const votes: Record<string, number> = {};
  for (const ballot of ballots) votes[ballot.entryId] = (votes[ballot.entryId] ?? 0) + 1;
  return votes;
}

/**
 * The mailbox a vote is counted against: lower-cased, with a `+tag` removed from the local part,
 * so that ann+1@x.vn and Ann@X.vn are one voter. Surrounding spaces are dropped.
 */
export function voterMailbox(email: string): string {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at <= 0) return address;
  const local = address.slice(0, at);
  const plus = local.indexOf('+');
  return `${plus > 0 ? local.slice(0, plus) : local}${address.slice(at)}`;
}

function validateVote(entries: readonly VoteBlendEntry[], vote: PublicVoteInput): void {
  if (!(Number.isFinite(vote.share) && vote.share >= 0 && vote.share <= MAX_VOTE_SHARE))
    throw new ScoringInputError(`the public vote share must be between 0 and ${MAX_VOTE_SHARE}`);
  const known = new Set(entries.map((entry) => entry.entryId));
  for (const [entryId, count] of Object.entries(vote.votes)) {
    if (!known.has(entryId)) throw new ScoringInputError(`votes are counted for entry ${entryId}, which the round does not cover`);
    if (!(Number.isInteger(count) && count >= 0))
      throw new ScoringInputError(`the vote count of entry ${entryId} must be a whole number, 0 or more`);
  }
}
