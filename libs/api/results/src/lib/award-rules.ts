import type { FieldProblem } from '@laurel/api-core';
import type { AwardInput, PrizeTier } from '@laurel/contracts';
import { PRIZE_TIER_ORDER, type PrizeLine } from '@laurel/domain';

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
 */
export function planAwards(
  proposal: readonly PrizeLine[],
  prizes: readonly PrizePlaces[],
  ranking: ReadonlyMap<string, AwardCandidate>,
  requested: readonly AwardInput[],
): { awards: PlannedAward[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const planned: Omit<PlannedAward, 'place'>[] = [];

  requested.forEach((award, i) => {
    const candidate = ranking.get(award.entryId);
    if (!candidate) {
      problems.push({ field: `awards.${i}.entryId`, message: 'is not an entry of the final round' });
      return;
    }
    const label = candidate.code ?? candidate.entryId;
    if (seen.has(award.entryId)) {
      problems.push({ field: `awards.${i}.entryId`, message: `gives ${label} a second prize: an entry wins at most one` });
      return;
    }
    seen.add(award.entryId);
    if (!candidate.eligible) {
      problems.push({
        field: `awards.${i}.entryId`,
        message: `is ${label}, which was screened out as not eligible and cannot take a prize`,
      });
      return;
    }
    const line = proposal.find((l) => l.entryId === award.entryId && l.tier === award.tier);
    const categoryId = line ? (line.categoryId ?? null) : poolFor(prizes, award.tier, candidate.categoryId);
    if (categoryId === undefined) {
      problems.push({ field: `awards.${i}.tier`, message: `names a ${award.tier} prize, but no ${award.tier} prize is open to ${label}` });
      return;
    }
    const override = !line || line.needsDecision === true;
    const reason = award.reason?.trim() || null;
    if (override && !reason) {
      const why = line?.needsDecision
        ? `the proposal leaves the tie at rank ${line.rank} to your decision`
        : proposedTier(proposal, award.entryId)
          ? `the proposal gives ${label} the ${proposedTier(proposal, award.entryId)} prize, not ${award.tier}`
          : `the proposal gives ${label} no ${award.tier} prize`;
      problems.push({ field: `awards.${i}.reason`, message: `is needed: ${why}. Say why you decide otherwise.` });
    }
    planned.push({ tier: award.tier, categoryId, entryId: award.entryId, rank: candidate.rank, score: candidate.score, reason, override });
  });

  for (const prize of prizes) {
    const given = planned.filter((a) => a.tier === prize.tier && a.categoryId === prize.categoryId).length;
    if (given > prize.count) {
      problems.push({
        field: 'awards',
        message: `gives ${given} ${prize.tier} prizes${prize.categoryId ? ' in one category' : ''}, but the contest has ${prize.count}`,
      });
    }
  }

  for (const line of proposal) {
    if (!line.entryId || line.needsDecision || planned.some((a) => a.entryId === line.entryId)) continue;
    const pool = line.categoryId ?? null;
    const proposedHere = proposal.filter(
      (l) => l.tier === line.tier && (l.categoryId ?? null) === pool && l.entryId && !l.needsDecision,
    ).length;
    const givenHere = planned.filter((a) => a.tier === line.tier && a.categoryId === pool).length;
    if (givenHere < proposedHere) {
      const label = ranking.get(line.entryId)?.code ?? line.entryId;
      problems.push({
        field: 'awards',
        message: `leaves out the proposal's ${line.tier} prize for ${label}: confirm it, or give the place to another entry with a reason`,
      });
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
