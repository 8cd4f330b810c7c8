import type { PrizeLine } from '@laurel/domain';
import { type AwardCandidate, planAwards, type PrizePlaces } from './award-rules';

describe(planAwards.name, () => {
  // Ranking: A 90 and B 90 tie at rank 1, C 80 third, D 70 fourth (ineligible).
  const candidate = (entryId: string, rank: number, score: number, eligible = true): [string, AwardCandidate] => [
    entryId,
    { entryId, code: `ST-${entryId}`, categoryId: 'cat', rank, score, eligible },
  ];
  const ranking = new Map([candidate('A', 1, 90), candidate('B', 1, 90), candidate('C', 3, 80), candidate('D', 4, 70, false)]);
  const prizes: PrizePlaces[] = [
    { tier: 'first', count: 1, categoryId: null },
    { tier: 'second', count: 1, categoryId: null },
    { tier: 'third', count: 1, categoryId: null },
  ];
  // The domain's proposal for this ranking: A and B need a decision, C takes third.
  const proposal: PrizeLine[] = [
    { tier: 'first', entryId: 'A', rank: 1, score: 90, needsDecision: true },
    { tier: 'first', entryId: 'B', rank: 1, score: 90, needsDecision: true },
    { tier: 'third', entryId: 'C', rank: 3, score: 80 },
  ];

  it('accepts the clean lines as they are and a resolved tie with reasons, numbering places in tier order', () => {
    const { awards, problems } = planAwards(proposal, prizes, ranking, [
      { tier: 'third', entryId: 'C' },
      { tier: 'second', entryId: 'A', reason: 'Jury vote' },
      { tier: 'first', entryId: 'B', reason: 'Jury vote' },
    ]);
    expect(problems).toEqual([]);
    expect(awards.map((a) => [a.place, a.tier, a.entryId, a.override])).toEqual([
      [1, 'first', 'B', true],
      [2, 'second', 'A', true],
      [3, 'third', 'C', false],
    ]);
  });

  it('names every line that departs from the proposal without a reason', () => {
    const { problems } = planAwards(proposal, prizes, ranking, [
      { tier: 'first', entryId: 'A' },
      { tier: 'second', entryId: 'C' },
    ]);
    expect(problems.map((p) => p.field)).toEqual(['awards.0.reason', 'awards.1.reason']);
    expect(problems[1]?.message).toContain('gives ST-C the third prize, not second');
  });

  it('refuses a second prize for one entry, ineligible and unknown entries, and too many winners of a tier', () => {
    const { problems } = planAwards(proposal, prizes, ranking, [
      { tier: 'first', entryId: 'A', reason: 'r' },
      { tier: 'first', entryId: 'B', reason: 'r' },
      { tier: 'second', entryId: 'A', reason: 'r' },
      { tier: 'third', entryId: 'D', reason: 'r' },
      { tier: 'third', entryId: 'Z', reason: 'r' },
    ]);
    expect(problems.map((p) => p.field)).toEqual(['awards.2.entryId', 'awards.3.entryId', 'awards.4.entryId', 'awards', 'awards']);
    expect(problems[3]?.message).toBe('gives 2 first prizes, but the contest has 1');
    expect(problems[4]?.message).toContain("leaves out the proposal's third prize for ST-C");
  });

  it('lets another entry take a proposed place when it says why', () => {
    const { problems } = planAwards(proposal, prizes, ranking, [
      { tier: 'first', entryId: 'A', reason: 'r' },
      { tier: 'second', entryId: 'B', reason: 'r' },
      { tier: 'third', entryId: 'D', reason: 'r' },
    ]);
    expect(problems.map((p) => p.field)).toEqual(['awards.2.entryId', 'awards']);
  });
});
