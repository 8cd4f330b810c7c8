import type { CodedProblem } from '../util/coded-problem';
import type { PrizeLine } from './prizes';
import { PRIZE_TIER_ORDER, type PrizeTier } from './scoring.types';

/**
 * Every kind of problem a confirmation of the awards can have (`planAwards`): the API sends each
 * as a field problem's `code`, so a client words it itself from the `params` beside it (`entry`:
 * the entry's code, `tier`/`proposed`: a prize tier, `rank`, `given`, `count`, `category`).
 */
export const AWARD_PROBLEM_CODES = [
  'award.unknown_entry',
  'award.second_prize',
  'award.ineligible',
  'award.no_prize_open',
  'award.reason_tie',
  'award.reason_other_tier',
  'award.reason_not_proposed',
  'award.too_many',
  'award.too_many_in_category',
  'award.left_out',
] as const;
export type AwardProblemCode = (typeof AWARD_PROBLEM_CODES)[number];

/** One problem of a confirmation: where (`awards.2.reason`, `awards`), what kind, its values, and the English sentence. */
export type AwardProblem = CodedProblem<AwardProblemCode>;

/** An award the organizer asks for. */
export interface RequestedAward {
  readonly tier: PrizeTier;
  readonly entryId: string;
  /** Needed whenever the award differs from the proposal. */
  readonly reason?: string;
}

/** An entry of the final round's ranking as the award rules see it. */
export interface AwardCandidate {
  entryId: string;
  code: string | null;
  categoryId: string | null;
  rank: number;
  score: number | null;
  eligible: boolean;
  /** Mean raw value per criterion id, read by the noZeroCriterion gate. */
  criterionMeans?: Record<string, number>;
}

export interface PrizePlaces {
  tier: PrizeTier;
  count: number;
  /** Null: a contest-wide prize. */
  categoryId: string | null;
  /** The category's name, which a problem with this prize names (the id when absent). */
  categoryName?: string;
}

export interface PlannedAward {
  place: number;
  tier: PrizeTier;
  /** The prize's category (null: contest-wide). */
  categoryId: string | null;
  entryId: string;
  rank: number;
  score: number | null;
  reason: string | null;
  /** Differs from the proposal (so it carries a reason). */
  override: boolean;
}

/**
 * Checks a confirmation against the proposal and the prizes, and numbers its places.
 * An award that is not a clean proposal line for the same entry and tier (another entry for
 * the place, a resolved needsDecision, a place the ranking did not fill) needs a reason. A clean
 * proposal line may be left out only when another entry takes that tier's place, with a reason.
 * An entry wins at most one prize; an ineligible entry none; no tier gets more places than it has.
 * Problems name the entry by its code (its id when it has none).
 */
export function planAwards(
  proposal: readonly PrizeLine[],
  prizes: readonly PrizePlaces[],
  ranking: ReadonlyMap<string, AwardCandidate>,
  requested: readonly RequestedAward[],
): { awards: PlannedAward[]; problems: AwardProblem[] } {
  const problems: AwardProblem[] = [];
  const seen = new Set<string>();
  const planned: Omit<PlannedAward, 'place'>[] = [];

  requested.forEach((award, i) => {
    const field = `awards.${i}`;
    const candidate = ranking.get(award.entryId);
    if (!candidate) {
      problems.push(problem(`${field}.entryId`, 'award.unknown_entry', {}, 'is not an entry of the final round'));
      return;
    }
    const entry = candidate.code ?? candidate.entryId;
    if (seen.has(award.entryId)) {
      problems.push(
        problem(`${field}.entryId`, 'award.second_prize', { entry }, `gives ${entry} a second prize: an entry wins at most one`),
      );
      return;
    }
    seen.add(award.entryId);
    if (!candidate.eligible) {
      problems.push(
        problem(
          `${field}.entryId`,
          'award.ineligible',
          { entry },
          `is ${entry}, which was screened out as not eligible and cannot take a prize`,
        ),
      );
      return;
    }
    const tier = award.tier;
    const line = proposal.find((l) => l.entryId === award.entryId && l.tier === tier);
    const categoryId = line ? (line.categoryId ?? null) : poolFor(prizes, tier, candidate.categoryId);
    if (categoryId === undefined) {
      problems.push(
        problem(`${field}.tier`, 'award.no_prize_open', { entry, tier }, `names a ${tier} prize, but no ${tier} prize is open to ${entry}`),
      );
      return;
    }
    const override = !line || line.needsDecision === true;
    const reason = award.reason?.trim() || null;
    if (override && !reason)
      problems.push(reasonNeeded(`${field}.reason`, line, proposedTier(proposal, award.entryId), { entry, tier, rank: candidate.rank }));
    planned.push({ tier, categoryId, entryId: award.entryId, rank: candidate.rank, score: candidate.score, reason, override });
  });

  for (const prize of prizes) {
    const given = planned.filter((a) => a.tier === prize.tier && a.categoryId === prize.categoryId).length;
    if (given <= prize.count) continue;
    const params = { tier: prize.tier, given, count: prize.count };
    problems.push(
      prize.categoryId === null
        ? problem('awards', 'award.too_many', params, `gives ${given} ${prize.tier} prizes, but the contest has ${prize.count}`)
        : problem(
            'awards',
            'award.too_many_in_category',
            { ...params, category: prize.categoryName ?? prize.categoryId },
            `gives ${given} ${prize.tier} prizes in one category, but the contest has ${prize.count}`,
          ),
    );
  }

  for (const line of proposal) {
    if (!line.entryId || line.needsDecision || planned.some((a) => a.entryId === line.entryId)) continue;
    const pool = line.categoryId ?? null;
    const proposedHere = proposal.filter(
      (l) => l.tier === line.tier && (l.categoryId ?? null) === pool && l.entryId && !l.needsDecision,
    ).length;
    const givenHere = planned.filter((a) => a.tier === line.tier && a.categoryId === pool).length;
    if (givenHere < proposedHere) {
      const entry = ranking.get(line.entryId)?.code ?? line.entryId;
      problems.push(
        problem(
          'awards',
          'award.left_out',
          { entry, tier: line.tier },
          `leaves out the proposal's ${line.tier} prize for ${entry}: confirm it, or give the place to another entry with a reason`,
        ),
      );
    }
  }

  const awards = planned
    .sort(
      (a, b) =>
        comparePools(a.categoryId, b.categoryId) ||
        tierIndex(a.tier) - tierIndex(b.tier) ||
        a.rank - b.rank ||
        (a.entryId < b.entryId ? -1 : 1),
    )
    .map((award, i) => ({ ...award, place: i + 1 }));
  return { awards, problems };
}

function problem(field: string, code: AwardProblemCode, params: AwardProblem['params'], message: string): AwardProblem {
  return { field, code, params, message };
}

/** Why an award that departs from the proposal needs its reason, and which of the three departures it is. */
function reasonNeeded(
  field: string,
  line: PrizeLine | undefined,
  proposed: PrizeTier | undefined,
  { entry, tier, rank }: { entry: string; tier: PrizeTier; rank: number },
): AwardProblem {
  const ask = 'Say why you decide otherwise.';
  if (line?.needsDecision) {
    // A tie line is the entry's own line, so its rank is the entry's.
    return problem(
      field,
      'award.reason_tie',
      { entry, rank },
      `is needed: the proposal leaves the tie at rank ${rank} to your decision. ${ask}`,
    );
  }
  if (proposed) {
    return problem(
      field,
      'award.reason_other_tier',
      { entry, tier, proposed },
      `is needed: the proposal gives ${entry} the ${proposed} prize, not ${tier}. ${ask}`,
    );
  }
  return problem(field, 'award.reason_not_proposed', { entry, tier }, `is needed: the proposal gives ${entry} no ${tier} prize. ${ask}`);
}

/** The prize scope an award of this tier falls in for an entry of this category; undefined: none. */
function poolFor(prizes: readonly PrizePlaces[], tier: PrizeTier, categoryId: string | null): string | null | undefined {
  if (prizes.some((p) => p.tier === tier && p.categoryId === null)) return null;
  if (categoryId !== null && prizes.some((p) => p.tier === tier && p.categoryId === categoryId)) return categoryId;
  return undefined;
}

function proposedTier(proposal: readonly PrizeLine[], entryId: string): PrizeTier | undefined {
  return proposal.find((l) => l.entryId === entryId && !l.needsDecision)?.tier;
}

const tierIndex = (tier: PrizeTier) => PRIZE_TIER_ORDER.indexOf(tier);

/** Contest-wide prizes first, then categories by id, as the domain fills them. */
function comparePools(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}
