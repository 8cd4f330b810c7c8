import { PRIZE_TIERS, type AwardInput, type AwardProposalLineView, type PrizeTier, type PrizeView } from '@laurel/contracts';

/** A prize place the proposal filled cleanly or left open; the organizer may give it to another entry. */
export interface PlaceLine {
  key: string;
  tier: PrizeTier;
  categoryId: string | null;
  line: AwardProposalLineView;
  /** 1-based within its tier and pool. */
  position: number;
}

/** Entries tied across a prize boundary: the organizer gives each a tier (or none) and one reason. */
export interface DecisionGroup {
  key: string;
  categoryId: string | null;
  rank: number;
  /** The tier of the first place the group reaches. */
  tier: PrizeTier;
  lines: AwardProposalLineView[];
  /** The tiers an entry of the group may take: its own and the ones after it, in this pool. */
  options: PrizeTier[];
}

export interface PoolPlan {
  categoryId: string | null;
  tiers: {
    tier: PrizeTier;
    count: number;
    amount: number | null;
    currency: string | null;
    places: PlaceLine[];
    decisions: DecisionGroup[];
  }[];
}

export const poolKey = (categoryId: string | null) => categoryId ?? '';

/**
 * The proposal as the page shows it: per prize pool (the contest, or a category), per tier in
 * the order places are filled, the clean and the unfilled places, and the tie groups to decide.
 */
export function planFromProposal(lines: readonly AwardProposalLineView[], prizes: readonly PrizeView[]): PoolPlan[] {
  const pools = new Map<string, PoolPlan>();
  const poolOf = (categoryId: string | null): PoolPlan => {
    const key = poolKey(categoryId);
    let pool = pools.get(key);
    if (!pool) {
      const tiers = PRIZE_TIERS.flatMap((tier) => {
        const prize = prizes.find((p) => p.tier === tier && (p.categoryId ?? null) === categoryId);
        return prize
          ? [
              {
                tier,
                count: prize.count,
                amount: prize.amount,
                currency: prize.currency,
                places: [] as PlaceLine[],
                decisions: [] as DecisionGroup[],
              },
            ]
          : [];
      });
      pool = { categoryId, tiers };
      pools.set(key, pool);
    }
    return pool;
  };
  for (const prize of prizes) poolOf(prize.categoryId ?? null);

  lines.forEach((line, index) => {
    const pool = poolOf(line.categoryId ?? null);
    let tier = pool.tiers.find((t) => t.tier === line.tier);
    if (!tier) {
      tier = { tier: line.tier, count: 0, amount: line.prizeAmount, currency: line.currency, places: [], decisions: [] };
      pool.tiers.push(tier);
    }
    if (line.needsDecision) {
      const rank = line.rank ?? 0;
      let group = tier.decisions.find((g) => g.rank === rank);
      if (!group) {
        const order = pool.tiers.map((t) => t.tier);
        group = {
          key: `${poolKey(pool.categoryId)}:${rank}`,
          categoryId: pool.categoryId,
          rank,
          tier: line.tier,
          lines: [],
          options: order.slice(order.indexOf(line.tier)),
        };
        tier.decisions.push(group);
      }
      group.lines.push(line);
    } else {
      tier.places.push({ key: `${index}`, tier: line.tier, categoryId: pool.categoryId, line, position: tier.places.length + 1 });
    }
  });
  return [...pools.values()].sort((a, b) => (a.categoryId === null ? -1 : b.categoryId === null ? 1 : 0));
}

export interface PlaceChoice {
  entryId: string | null;
  reason: string;
}

export interface PlanProblems {
  /** Place keys whose entry also holds another place. */
  duplicates: Set<string>;
  /** "pool:tier" keys given more places than the prize has. */
  overfull: Set<string>;
}

/** The confirmation to send, and what is still wrong with it (besides missing reasons). */
export function buildAwards(
  plan: readonly PoolPlan[],
  places: ReadonlyMap<string, PlaceChoice>,
  decisions: ReadonlyMap<string, PrizeTier | 'none'>,
  decisionReasons: ReadonlyMap<string, string>,
): { awards: AwardInput[]; problems: PlanProblems } {
  const awards: (AwardInput & { key: string; pool: string })[] = [];
  for (const pool of plan) {
    for (const tier of pool.tiers) {
      for (const place of tier.places) {
        const choice = places.get(place.key);
        const entryId = choice ? choice.entryId : (place.line.entryId ?? null);
        if (!entryId) continue;
        const changed = entryId !== (place.line.entryId ?? null);
        awards.push({
          key: place.key,
          pool: poolKey(pool.categoryId),
          tier: place.tier,
          entryId,
          ...(changed ? { reason: choice?.reason.trim() ?? '' } : {}),
        });
      }
      for (const group of tier.decisions) {
        for (const line of group.lines) {
          const chosen = line.entryId ? decisions.get(line.entryId) : undefined;
          if (!line.entryId || !chosen || chosen === 'none') continue;
          awards.push({
            key: `${group.key}:${line.entryId}`,
            pool: poolKey(pool.categoryId),
            tier: chosen,
            entryId: line.entryId,
            reason: decisionReasons.get(group.key)?.trim() ?? '',
          });
        }
      }
    }
  }
  const duplicates = new Set<string>();
  const seen = new Map<string, string>();
  for (const award of awards) {
    const other = seen.get(award.entryId);
    if (other) {
      duplicates.add(other);
      duplicates.add(award.key);
    } else seen.set(award.entryId, award.key);
  }
  const overfull = new Set<string>();
  for (const pool of plan) {
    for (const tier of pool.tiers) {
      const given = awards.filter((a) => a.pool === poolKey(pool.categoryId) && a.tier === tier.tier).length;
      if (given > tier.count) overfull.add(`${poolKey(pool.categoryId)}:${tier.tier}`);
    }
  }
  return {
    awards: awards.map(({ tier, entryId, reason }) => ({ tier, entryId, ...(reason !== undefined ? { reason } : {}) })),
    problems: { duplicates, overfull },
  };
}
