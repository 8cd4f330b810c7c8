import fc from 'fast-check';
import { selectAdvancing } from './advancement';
import { allocatePrizes, type PrizeCandidate, type PrizeSpec } from './prizes';
import { tallyVotes } from './public-vote';
import { computeRoundResults, type RoundInput, type RoundResults } from './round-results';
import { PRIZE_TIER_ORDER, type AggregationMethod, type Criterion, type RankBy, type Sheet } from './scoring.types';
import { mean, populationStd } from './statistics';
import { known } from '../util/known';

const CATEGORIES = ['cat-a', 'cat-b', null] as const;

/** A random round: 1–4 criteria, 1–8 entries, 1–5 judges, each pair scored or not. */
const roundArb: fc.Arbitrary<RoundInput> = fc
  .record({
    criteria: fc.integer({ min: 1, max: 4 }),
    entries: fc.integer({ min: 1, max: 8 }),
    judges: fc.integer({ min: 1, max: 5 }),
  })
  .chain((size) =>
    fc.record({
      criteria: fc.array(
        fc.record({
          weight: fc.integer({ min: 1, max: 400 }).map((w) => w / 100),
          maxScore: fc.constantFrom(5, 10, 20, 100),
        }),
        { minLength: size.criteria, maxLength: size.criteria },
      ),
      categories: fc.array(fc.constantFrom(...CATEGORIES), { minLength: size.entries, maxLength: size.entries }),
      cells: fc.array(
        fc.option(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: size.criteria, maxLength: size.criteria }), {
          freq: 3,
        }),
        {
          minLength: size.entries * size.judges,
          maxLength: size.entries * size.judges,
        },
      ),
      // Coarse values (quarters of the maximum) make ties, and so every tie-break, common.
      coarse: fc.boolean(),
      method: fc.constantFrom<AggregationMethod>('mean', 'median', 'trimmed_mean', 'zscore'),
      trim: fc.integer({ min: 0, max: 2 }),
      minSheetsForNormalization: fc.integer({ min: 1, max: 6 }),
      rankBy: fc.constantFrom<RankBy>('overall', 'category'),
      priorityCount: fc.integer({ min: 0, max: size.criteria }),
      judges: fc.constant(size.judges),
    }),
  )
  .map((r) => {
    const criteria: Criterion[] = r.criteria.map((c, i) => ({ id: `k${i}`, ...c }));
    const value = (u: number, max: number) => (r.coarse ? ((u % 5) * max) / 4 : Math.round((u / 400) * max * 100) / 100);
    const sheets: Sheet[] = [];
    r.cells.forEach((cell, index) => {
      if (cell === null) return;
      const entry = Math.floor(index / r.judges);
      const judge = index % r.judges;
      sheets.push({
        entryId: `e${entry}`,
        judgeId: `j${judge}`,
        values: Object.fromEntries(criteria.map((c, i) => [c.id, value(known(cell[i], 'a drawn value per criterion'), c.maxScore)])),
      });
    });
    return {
      criteria,
      entries: r.categories.map((categoryId, i) => ({ entryId: `e${i}`, categoryId })),
      sheets,
      method: r.method,
      trim: r.trim,
      minSheetsForNormalization: r.minSheetsForNormalization,
      rankBy: r.rankBy,
      priorityCriteria: criteria.slice(0, r.priorityCount).map((c) => c.id),
    };
  });

function shuffled<T>(items: readonly T[], seed: number): T[] {
  // mulberry32: a fixed, seedable shuffle so a failing case replays exactly.
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [known(copy[j], 'an item'), known(copy[i], 'an item')];
  }
  return copy;
}

function scopesOf(results: RoundResults) {
  const scopes = new Map<string | null, RoundResults['entries'][number][]>();
  for (const entry of results.entries) {
    const scope = results.rankBy === 'category' ? entry.categoryId : null;
    scopes.set(scope, [...(scopes.get(scope) ?? []), entry]);
  }
  return [...scopes.values()];
}

describe('scoring properties', () => {
  it('gives the same results, to the last bit, for sheets keyed by criterion id and for lean sheets in rubric order', () => {
    fc.assert(
      fc.property(roundArb, (input) => {
        const lean = input.sheets.map((sheet) => {
          const values = 'values' in sheet ? sheet.values : {};
          return {
            entryId: sheet.entryId,
            judgeId: sheet.judgeId,
            scores: input.criteria.map((c) => known(values[c.id], 'a value of a keyed sheet')),
          };
        });
        expect(computeRoundResults({ ...input, sheets: lean })).toEqual(computeRoundResults(input));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same results whatever order entries and sheets come in', () => {
    fc.assert(
      fc.property(roundArb, fc.integer(), (input, seed) => {
        const again = computeRoundResults({
          ...input,
          entries: shuffled(input.entries, seed),
          sheets: shuffled(input.sheets, seed + 1),
        });
        expect(again).toEqual(computeRoundResults(input));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every score in [0, 100] under mean, median and trimmed_mean', () => {
    fc.assert(
      fc.property(roundArb, (input) => {
        const results = computeRoundResults({ ...input, method: input.method === 'zscore' ? 'mean' : input.method });
        for (const entry of results.entries) {
          for (const value of [entry.score, entry.rawMean, entry.medianTotal, ...entry.sheets.map((s) => s.total)]) {
            if (value !== null) expect(value >= 0 && value <= 100).toBe(true);
          }
          if (entry.spread !== null) expect(entry.spread >= 0 && entry.spread <= 50).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps zscore totals within the round mean ± σ·√(nj − 1) (Samuelson), so always finite', () => {
    fc.assert(
      fc.property(roundArb, (input) => {
        const results = computeRoundResults({ ...input, method: 'zscore' });
        const all = results.entries.flatMap((e) => e.sheets.map((s) => s.total));
        if (all.length === 0) return;
        const [mu, sigma] = [mean(all), populationStd(all)];
        const perJudge = new Map<string, number>();
        for (const s of input.sheets) perJudge.set(s.judgeId, (perJudge.get(s.judgeId) ?? 0) + 1);
        for (const entry of results.entries) {
          for (const s of entry.sheets) {
            const bound = Math.max(Math.abs(s.total - mu), sigma * Math.sqrt((perJudge.get(s.judgeId) ?? 1) - 1));
            expect(Number.isFinite(s.adjustedTotal)).toBe(true);
            expect(Math.abs(s.adjustedTotal - mu)).toBeLessThanOrEqual(bound + 1e-9);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('ranks by competition ranking, consistently with scores and settledBy', () => {
    fc.assert(
      fc.property(roundArb, (input) => {
        const results = computeRoundResults(input);
        expect(results.entries).toHaveLength(input.entries.length);
        for (const scope of scopesOf(results)) {
          scope.forEach((entry, i) => {
            // rank = 1 + the number of entries placed strictly ahead
            expect(entry.rank).toBe(1 + scope.filter((other) => other.rank < entry.rank).length);
            if (i > 0) expect(entry.rank).toBeGreaterThanOrEqual(known(scope[i - 1], 'the entry ahead').rank);
            const sharing = scope.filter((other) => other.rank === entry.rank);
            if (sharing.length > 1) expect(entry.settledBy).toBe('tie');
            if (entry.score === null) {
              expect(scope.slice(i).every((later) => later.score === null)).toBe(true);
              return;
            }
            const scoreTied = scope.filter((o) => o !== entry && o.score !== null && Math.abs(o.score - (entry.score ?? 0)) < 1e-9);
            if (entry.settledBy === 'score') expect(scoreTied).toHaveLength(0);
            else expect(scoreTied.length).toBeGreaterThan(0);
            for (const later of scope.slice(i + 1)) if (later.score !== null) expect(later.score).toBeLessThanOrEqual(entry.score + 1e-6);
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('zscore: a judge adding one constant to every total changes no entry’s standing', () => {
    // Complete panel, every judge with ≥ 5 sheets and some spread, so every judge is normalised.
    // Criteria a and b, weight 1, max 10: T = 5·(a + b). Adding δ to a on each of the judge's
    // sheets adds 5δ to each total. T' = μ + σ·z with z unchanged, so (score − μ)/σ = mean z is
    // unchanged although μ and σ (over all totals) and thus the scores themselves move.
    const criteria: Criterion[] = [
      { id: 'a', weight: 1, maxScore: 10 },
      { id: 'b', weight: 1, maxScore: 10 },
    ];
    const arb = fc.record({ entries: fc.integer({ min: 5, max: 8 }), judges: fc.integer({ min: 2, max: 4 }) }).chain((size) =>
      fc.record({
        cells: fc.array(fc.tuple(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 1000 })), {
          minLength: size.entries * size.judges,
          maxLength: size.entries * size.judges,
        }),
        shiftCents: fc.integer({ min: 1, max: 200 }),
        shiftedJudge: fc.integer({ min: 0, max: size.judges - 1 }),
        size: fc.constant(size),
      }),
    );
    fc.assert(
      fc.property(arb, ({ cells, shiftCents, shiftedJudge, size }) => {
        const build = (shift: number): Omit<RoundInput, 'sheets'> & { sheets: Sheet[] } => ({
          criteria,
          entries: Array.from({ length: size.entries }, (_, i) => ({ entryId: `e${i}` })),
          method: 'zscore',
          sheets: cells.map(([a, b], index) => {
            const judge = index % size.judges;
            const cents = a + (judge === shiftedJudge ? shift : 0);
            return {
              entryId: `e${Math.floor(index / size.judges)}`,
              judgeId: `j${judge}`,
              values: { a: cents / 100, b: b / 100 },
            };
          }),
        });
        const judgeTotals = (input: { readonly sheets: readonly Sheet[] }) =>
          Array.from({ length: size.judges }, (_, j) =>
            input.sheets
              .filter((s) => s.judgeId === `j${j}`)
              .map((s) => 5 * (known(s.values['a'], 'score a') + known(s.values['b'], 'score b'))),
          );
        fc.pre(judgeTotals(build(0)).every((totals) => populationStd(totals) > 1e-6));

        const standing = (results: RoundResults) => {
          const all = results.entries.flatMap((e) => e.sheets.map((s) => s.total));
          const [mu, sigma] = [mean(all), populationStd(all)];
          return new Map(results.entries.map((e) => [e.entryId, ((e.score ?? 0) - mu) / sigma]));
        };
        const before = computeRoundResults(build(0));
        const after = computeRoundResults(build(shiftCents));
        const [zBefore, zAfter] = [standing(before), standing(after)];
        for (const [entryId, z] of zBefore) expect(zAfter.get(entryId)).toBeCloseTo(z, 9);

        const zs = [...zBefore.values()].sort((x, y) => x - y);
        if (zs.every((z, i) => i === 0 || z - known(zs[i - 1], 'the z below') > 1e-6)) {
          const ranks = (results: RoundResults) => results.entries.map((e) => [e.entryId, e.rank]);
          expect(ranks(after)).toEqual(ranks(before));
        }
      }),
      { numRuns: 300 },
    );
  });

  describe('prizes', () => {
    const rankingArb = fc
      .array(
        fc.record({
          score: fc.option(
            fc.integer({ min: 0, max: 8 }).map((s) => s * 10),
            { freq: 8 },
          ),
          eligible: fc.boolean(),
          category: fc.constantFrom('cat-a', 'cat-b'),
        }),
        {
          maxLength: 12,
        },
      )
      .map((rows) =>
        rows.map((row, i): PrizeCandidate => ({
          entryId: `e${i}`,
          categoryId: row.category,
          score: row.score,
          eligible: row.eligible || i % 3 !== 0,
          // competition rank over scored entries; unscored after them
          rank:
            row.score === null
              ? 1 + rows.filter((o) => o.score !== null).length
              : 1 + rows.filter((o) => o.score !== null && o.score > (row.score ?? 0)).length,
        })),
      );
    const prizesArb = fc.array(
      fc.record({
        tier: fc.constantFrom(...PRIZE_TIER_ORDER),
        count: fc.integer({ min: 0, max: 3 }),
        categoryId: fc.constantFrom<string | null>(null, 'cat-a', 'cat-b'),
      }),
      { maxLength: 6 },
    );
    const poolOf = (line: { categoryId?: string }) => line.categoryId ?? null;

    it('gives one line per place, more only for a tie running past the end, and no entry twice', () => {
      fc.assert(
        fc.property(rankingArb, prizesArb, fc.constantFrom(0, 25, 50), (ranking, prizes, minScoreForPrize) => {
          const lines = allocatePrizes({ ranking, prizes, rankBy: 'overall', minScoreForPrize });
          const entryIds = lines.flatMap((l) => (l.entryId === undefined ? [] : [l.entryId]));
          expect(new Set(entryIds).size).toBe(entryIds.length);

          const pools = new Set<string | null>(prizes.map((p: PrizeSpec) => p.categoryId ?? null));
          let places = 0;
          for (const pool of pools) {
            const poolPlaces = prizes.filter((p) => (p.categoryId ?? null) === pool).reduce((n, p) => n + p.count, 0);
            places += poolPlaces;
            const poolLines = lines.filter((l) => poolOf(l) === pool);
            const decisions = poolLines.filter((l) => l.needsDecision);
            if (decisions.length === 0) expect(poolLines).toHaveLength(poolPlaces);
            else expect(poolLines.length).toBeGreaterThanOrEqual(poolPlaces);
            if (poolLines.length > poolPlaces) {
              expect(poolLines.some((l) => l.notAwarded)).toBe(false);
              expect(poolLines.at(-1)?.needsDecision).toBe(true);
            }
            // tiers never go back up the order
            const order = poolLines.map((l) => PRIZE_TIER_ORDER.indexOf(l.tier));
            expect(order).toEqual([...order].sort((x, y) => x - y));
          }
          expect(lines.length).toBeGreaterThanOrEqual(places);

          for (const line of lines) {
            if (line.entryId === undefined) continue;
            const entry = ranking.find((e) => e.entryId === line.entryId);
            expect(entry?.eligible).not.toBe(false);
            expect(entry?.score ?? -1).toBeGreaterThanOrEqual(minScoreForPrize);
          }
        }),
        { numRuns: 500 },
      );
    });

    it('gives exactly sum-of-counts lines when no two entries tie', () => {
      fc.assert(
        fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { maxLength: 10 }), prizesArb, (scores, prizes) => {
          const ranking = scores.map((score, i) => ({
            entryId: `e${i}`,
            categoryId: i % 2 === 0 ? 'cat-a' : 'cat-b',
            score,
            rank: 1 + scores.filter((s) => s > score).length,
          }));
          const lines = allocatePrizes({ ranking, prizes, rankBy: 'overall' });
          expect(lines).toHaveLength(prizes.reduce((n, p) => n + p.count, 0));
          expect(lines.some((l) => l.needsDecision)).toBe(false);
        }),
        { numRuns: 300 },
      );
    });
  });

  it('advances the top N of each scope and everyone tied with the N-th', () => {
    fc.assert(
      fc.property(roundArb, fc.integer({ min: 0, max: 9 }), (input, top) => {
        const results = computeRoundResults(input);
        const advanced = new Set(selectAdvancing(results.entries, { top }, results.rankBy));
        for (const scope of scopesOf(results)) {
          const scored = scope.filter((e) => e.score !== null);
          const inScope = scored.filter((e) => advanced.has(e.entryId));
          expect(inScope.length).toBeGreaterThanOrEqual(Math.min(top, scored.length));
          const worstIn = Math.max(0, ...inScope.map((e) => e.rank));
          for (const entry of scored) expect(advanced.has(entry.entryId)).toBe(entry.rank <= worstIn);
          // without the entries sharing the last rank, fewer than N would be in
          expect(inScope.filter((e) => e.rank < worstIn).length).toBeLessThan(Math.max(top, 1));
        }
        expect(results.entries.filter((e) => e.score === null).some((e) => advanced.has(e.entryId))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('with a vote share of 0 gives the judges’ ranking exactly, whatever the votes', () => {
    fc.assert(
      fc.property(
        roundArb,
        fc.array(fc.nat(50), { minLength: 8, maxLength: 8 }),
        fc.constantFrom('overall' as const, 'category' as const),
        (input, counts, scope) => {
          const votes = Object.fromEntries(input.entries.map((e, i) => [e.entryId, known(counts[i], 'a vote count per entry')]));
          const judges = computeRoundResults(input);
          const blended = computeRoundResults({ ...input, publicVote: { share: 0, scope, votes } });
          expect(blended.entries.map((e) => [e.entryId, e.rank, e.score, e.settledBy])).toEqual(
            judges.entries.map((e) => [e.entryId, e.rank, e.score, e.settledBy]),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('ranks a vote round the same whatever order the ballots were counted in', () => {
    fc.assert(
      fc.property(roundArb, fc.array(fc.nat(7)), fc.integer({ min: 0, max: 50 }), fc.integer(), (input, picks, percent, seed) => {
        const ballots = picks.flatMap((i) => input.entries[i] ?? []).map((entry) => ({ entryId: entry.entryId }));
        const vote = (list: typeof ballots) => ({ share: percent / 100, scope: 'overall' as const, votes: tallyVotes(list) });
        expect(computeRoundResults({ ...input, publicVote: vote(shuffled(ballots, seed)) })).toEqual(
          computeRoundResults({ ...input, publicVote: vote(ballots) }),
        );
      }),
      { numRuns: 200 },
    );
  });
});
