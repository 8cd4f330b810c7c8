import { rankEntries, type RankCandidate } from './rank';

function candidate(
  entryId: string,
  score: number | null,
  options: { priority?: number[]; totals?: Record<string, number>; median?: number } = {},
): RankCandidate {
  return {
    entryId,
    score,
    priorityMeans: options.priority ?? [],
    totalsByJudge: new Map(Object.entries(options.totals ?? {})),
    medianTotal: score === null ? null : (options.median ?? 0),
  };
}

describe(rankEntries.name, () => {
  it('1. orders by score; an entry tied with no one is settled by score', () => {
    expect(rankEntries([candidate('a', 70), candidate('b', 90), candidate('c', 80)])).toEqual([
      { entryId: 'b', rank: 1, settledBy: 'score' },
      { entryId: 'c', rank: 2, settledBy: 'score' },
      { entryId: 'a', rank: 3, settledBy: 'score' },
    ]);
  });

  it('treats scores closer than 1e-9 as tied, and 2e-9 apart as different', () => {
    const near = rankEntries([candidate('a', 70), candidate('b', 70 + 5e-10)]);
    expect(near.map((p) => [p.entryId, p.rank, p.settledBy])).toEqual([
      ['a', 1, 'tie'],
      ['b', 1, 'tie'],
    ]);
    const apart = rankEntries([candidate('a', 70), candidate('b', 70 + 2e-9)]);
    expect(apart.map((p) => [p.entryId, p.rank, p.settledBy])).toEqual([
      ['b', 1, 'score'],
      ['a', 2, 'score'],
    ]);
  });

  it('5. leaves a full tie at one rank and skips the next (1, 2, 2, 4), listing the tie by id', () => {
    expect(rankEntries([candidate('d', 60), candidate('c', 70), candidate('b', 70), candidate('a', 80)])).toEqual([
      { entryId: 'a', rank: 1, settledBy: 'score' },
      { entryId: 'b', rank: 2, settledBy: 'tie' },
      { entryId: 'c', rank: 2, settledBy: 'tie' },
      { entryId: 'd', rank: 4, settledBy: 'score' },
    ]);
  });

  it('2. breaks a tie with the priority criteria one at a time', () => {
    // All 75. First criterion: x .8 > y .6 = z .6 → x first; the second criterion only splits
    // y and z: z .9 > y .7. Every place is settled by priority_criteria.
    const placements = rankEntries([
      candidate('x', 75, { priority: [0.8, 0.1] }),
      candidate('y', 75, { priority: [0.6, 0.7] }),
      candidate('z', 75, { priority: [0.6, 0.9] }),
    ]);
    expect(placements).toEqual([
      { entryId: 'x', rank: 1, settledBy: 'priority_criteria' },
      { entryId: 'z', rank: 2, settledBy: 'priority_criteria' },
      { entryId: 'y', rank: 3, settledBy: 'priority_criteria' },
    ]);
  });

  it('does not let a later priority criterion reorder what an earlier one separated', () => {
    // x wins on the first criterion although y is far better on the second.
    const placements = rankEntries([candidate('x', 75, { priority: [0.8, 0.0] }), candidate('y', 75, { priority: [0.7, 1.0] })]);
    expect(placements.map((p) => p.entryId)).toEqual(['x', 'y']);
  });

  it('3. splits a three-way tie: priority takes one out, head-to-head settles the other two', () => {
    // x, y, z all 70. Priority: x .9, y .7, z .7 → x first (priority_criteria).
    // Still tied {y, z}: J1 and J2 gave y the higher total, J3 gave z → y beats z:
    // net y = +1, z = −1 → y then z (head_to_head). Medians (y 75 < z 80) are never reached.
    const placements = rankEntries([
      candidate('z', 70, { priority: [0.7], totals: { J1: 65, J2: 65, J3: 80 }, median: 80 }),
      candidate('y', 70, { priority: [0.7], totals: { J1: 75, J2: 75, J3: 60 }, median: 75 }),
      candidate('x', 70, { priority: [0.9], totals: { J1: 70, J2: 70, J3: 70 }, median: 70 }),
      candidate('w', 90),
    ]);
    expect(placements).toEqual([
      { entryId: 'w', rank: 1, settledBy: 'score' },
      { entryId: 'x', rank: 2, settledBy: 'priority_criteria' },
      { entryId: 'y', rank: 3, settledBy: 'head_to_head' },
      { entryId: 'z', rank: 4, settledBy: 'head_to_head' },
    ]);
  });

  it('counts only judges who scored both, and only a majority of them, as a head-to-head win', () => {
    // a vs b: J1 prefers a, J2 prefers b, J3 gave equal totals, J4 scored only a → no winner.
    // a vs c: J1 (60 > 58) and J2 (40 > 39) prefer a → a wins.
    // b vs c: J1 prefers c (58 > 55), J2 prefers b (45 > 39) → no winner.
    // net a = +1, b = 0, c = −1.
    const placements = rankEntries([
      candidate('a', 50, { totals: { J1: 60, J2: 40, J3: 50, J4: 99 } }),
      candidate('b', 50, { totals: { J1: 55, J2: 45, J3: 50 } }),
      candidate('c', 50, { totals: { J1: 58, J2: 39 } }),
    ]);
    expect(placements.map((p) => [p.entryId, p.rank, p.settledBy])).toEqual([
      ['a', 1, 'head_to_head'],
      ['b', 2, 'head_to_head'],
      ['c', 3, 'head_to_head'],
    ]);
  });

  it('applies head-to-head once: a pair left tied on net goes to the median, not to its own matchup', () => {
    // One judge per matchup, all scores 80: a>b (J1), c>a (J2), b>c (J3), b>d (J4), d>c (J5), a>d (J6).
    // net a = +1 −1 +1 = +1, b = −1 +1 +1 = +1, c = +1 −1 −1 = −1, d = −1 +1 −1 = −1.
    // {a, b} stay tied although a beat b; the median decides: b 82 > a 78 → b, a (median).
    // {c, d} stay tied although d beat c; equal medians → one shared rank (tie).
    const placements = rankEntries([
      candidate('a', 80, { totals: { J1: 90, J2: 70, J6: 90 }, median: 78 }),
      candidate('b', 80, { totals: { J1: 70, J3: 90, J4: 90 }, median: 82 }),
      candidate('c', 80, { totals: { J2: 90, J3: 70, J5: 70 }, median: 75 }),
      candidate('d', 80, { totals: { J4: 70, J5: 90, J6: 70 }, median: 75 }),
    ]);
    expect(placements).toEqual([
      { entryId: 'b', rank: 1, settledBy: 'median' },
      { entryId: 'a', rank: 2, settledBy: 'median' },
      { entryId: 'c', rank: 3, settledBy: 'tie' },
      { entryId: 'd', rank: 3, settledBy: 'tie' },
    ]);
  });

  it('4. falls through to the higher median sheet total', () => {
    // Scores tie, no priority criteria, no judge in common: median 75 beats 70.
    const placements = rankEntries([
      candidate('a', 70, { totals: { J1: 60, J2: 70, J3: 80 }, median: 70 }),
      candidate('b', 70, { totals: { J4: 50, J5: 75, J6: 85 }, median: 75 }),
    ]);
    expect(placements).toEqual([
      { entryId: 'b', rank: 1, settledBy: 'median' },
      { entryId: 'a', rank: 2, settledBy: 'median' },
    ]);
  });

  it('ranks entries without a score after every scored one, sharing one rank', () => {
    expect(rankEntries([candidate('n2', null), candidate('s', 10), candidate('n1', null)])).toEqual([
      { entryId: 's', rank: 1, settledBy: 'score' },
      { entryId: 'n1', rank: 2, settledBy: 'tie' },
      { entryId: 'n2', rank: 2, settledBy: 'tie' },
    ]);
    expect(rankEntries([candidate('n', null), candidate('s', 10)])[1]).toEqual({
      entryId: 'n',
      rank: 2,
      settledBy: 'score',
    });
  });

  it('handles an empty scope', () => {
    expect(rankEntries([])).toEqual([]);
  });
});
