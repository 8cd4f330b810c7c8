import type { ContestView, PrizeTier } from '@laurel/contracts';
import { formatMoney } from '@laurel/console-util';

export interface RubricLine {
  id: string;
  name: string;
  /** The criterion's part of the total, 0–1. */
  share: number;
  maxScore: number;
  guidance: string | null;
}

export interface PrizeLine {
  id: string;
  tier: PrizeTier;
  count: number;
  /** Already written in the reader's locale and the prize's currency; null: no cash amount. */
  amount: string | null;
  category: string | null;
}

export type WindowPhase = 'before' | 'open' | 'after';

const TIER_ORDER: Record<PrizeTier, number> = { first: 0, second: 1, third: 2, encouragement: 3 };

/** The rubric of the first round (lowest `order`), each weight as its share of the total. */
export function firstRoundRubric(contest: ContestView): { round: string; lines: RubricLine[] } | null {
  const round = [...contest.rounds].sort((a, b) => a.order - b.order)[0];
  if (!round || round.criteria.length === 0) return null;
  const total = round.criteria.reduce((sum, c) => sum + c.weight, 0);
  const lines = [...round.criteria]
    .sort((a, b) => a.order - b.order)
    .map((c) => ({ id: c.id, name: c.name, share: total > 0 ? c.weight / total : 0, maxScore: c.maxScore, guidance: c.description }));
  return { round: round.name, lines };
}

export function prizeLines(contest: ContestView, locale: string): PrizeLine[] {
  const categories = new Map(contest.categories.map((c) => [c.id, c.name]));
  return [...contest.prizes]
    .sort((a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier])
    .map((prize) => ({
      id: prize.id,
      tier: prize.tier,
      count: prize.count,
      amount: prize.amount !== null && prize.amount > 0 ? formatMoney(prize.amount, prize.currency, locale) : null,
      category: prize.categoryId ? (categories.get(prize.categoryId) ?? null) : null,
    }));
}

/**
 * Why entries are no longer taken: the deadline passed, or the organizers closed submissions
 * before it (then "the deadline passed" would be untrue).
 */
export function windowOverKey(contest: ContestView, now: Date): 'submit.contest.windowOver' | 'submit.contest.windowClosedEarly' {
  return now >= new Date(contest.submissionClosesAt) ? 'submit.contest.windowOver' : 'submit.contest.windowClosedEarly';
}

/** Whether the contest takes entries at `now`, by the same rule as the API. */
export function windowPhase(contest: ContestView, now: Date): WindowPhase {
  if (contest.status === 'draft' || (contest.status === 'open' && now < new Date(contest.submissionOpensAt))) return 'before';
  if (contest.status !== 'open' || now >= new Date(contest.submissionClosesAt)) return 'after';
  return 'open';
}

/** Days, hours, minutes and seconds from `now` to `target` (zeros once it has passed). */
export function countdownParts(target: Date, now: Date): { d: number; h: string; m: string; s: string } {
  const left = Math.max(0, Math.floor((target.getTime() - now.getTime()) / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    d: Math.floor(left / 86400),
    h: pad(Math.floor((left % 86400) / 3600)),
    m: pad(Math.floor((left % 3600) / 60)),
    s: pad(left % 60),
  };
}
