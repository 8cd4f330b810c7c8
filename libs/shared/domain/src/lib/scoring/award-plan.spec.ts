import { type AwardCandidate, planAwards, type PrizePlaces } from './award-plan';
import type { PrizeLine } from './prizes';

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

  it('names every line that departs from the proposal without a reason, with the code of each departure', () => {
    // A first: the tie at rank 1 is the organizer's to decide. C second: the proposal gives it third.
    const { problems } = planAwards(proposal, prizes, ranking, [
      { tier: 'first', entryId: 'A' },
      { tier: 'second', entryId: 'C' },
    ]);
    expect(problems.map(({ field, code, params }) => ({ field, code, params }))).toEqual([
      { field: 'awards.0.reason', code: 'award.reason_tie', params: { entry: 'ST-A', rank: 1 } },
      { field: 'awards.1.reason', code: 'award.reason_other_tier', params: { entry: 'ST-C', tier: 'second', proposed: 'third' } },
    ]);
    expect(problems[1]?.message).toBe('is needed: the proposal gives ST-C the third prize, not second. Say why you decide otherwise.');
  });

  it('asks a reason for a prize the proposal gives nobody, and refuses a tier no prize of which is open to the entry', () => {
    // B is tied for first; "second" is not proposed to anyone, so it is B's own departure.
    const { problems } = planAwards(proposal, prizes, ranking, [
      { tier: 'second', entryId: 'B' },
      { tier: 'encouragement', entryId: 'A', reason: 'r' },
      { tier: 'third', entryId: 'C' },
    ]);
    expect(problems.map(({ field, code, params }) => ({ field, code, params }))).toEqual([
      { field: 'awards.0.reason', code: 'award.reason_not_proposed', params: { entry: 'ST-B', tier: 'second' } },
      { field: 'awards.1.tier', code: 'award.no_prize_open', params: { entry: 'ST-A', tier: 'encouragement' } },
    ]);
  });

  it('refuses a second prize for one entry, ineligible and unknown entries, and too many winners of a tier', () => {
    const { problems } = planAwards(proposal, prizes, ranking, [
      { tier: 'first', entryId: 'A', reason: 'r' },
      { tier: 'first', entryId: 'B', reason: 'r' },
      { tier: 'second', entryId: 'A', reason: 'r' },
      { tier: 'third', entryId: 'D', reason: 'r' },
      { tier: 'third', entryId: 'Z', reason: 'r' },
    ]);
    // Two firsts (A, B) for one place: given 2, count 1. C's proposed third is given to nobody.
    expect(problems.map(({ field, code, params }) => ({ field, code, params }))).toEqual([
      { field: 'awards.2.entryId', code: 'award.second_prize', params: { entry: 'ST-A' } },
      { field: 'awards.3.entryId', code: 'award.ineligible', params: { entry: 'ST-D' } },
      { field: 'awards.4.entryId', code: 'award.unknown_entry', params: {} },
      { field: 'awards', code: 'award.too_many', params: { tier: 'first', given: 2, count: 1 } },
      { field: 'awards', code: 'award.left_out', params: { entry: 'ST-C', tier: 'third' } },
    ]);
    expect(problems[3]?.message).toBe('gives 2 first prizes, but the contest has 1');
    expect(problems[4]?.message).toBe(
      "leaves out the proposal's third prize for ST-C: confirm it, or give the place to another entry with a reason",
    );
  });

  it('names the category of a per-category prize given too often', () => {
    // One second prize in category "cat" (named Fintech); A and B both take it, with reasons.
    const perCategory: PrizePlaces[] = [{ tier: 'second', count: 1, categoryId: 'cat', categoryName: 'Fintech' }];
    const { problems } = planAwards([], perCategory, ranking, [
      { tier: 'second', entryId: 'A', reason: 'r' },
      { tier: 'second', entryId: 'B', reason: 'r' },
    ]);
    expect(problems).toEqual([
      {
        field: 'awards',
        code: 'award.too_many_in_category',
        params: { tier: 'second', given: 2, count: 1, category: 'Fintech' },
        message: 'gives 2 second prizes in one category, but the contest has 1',
      },
    ]);
  });

  it('lets another entry take a proposed place when it says why', () => {
    const { problems } = planAwards(proposal, prizes, ranking, [
      { tier: 'first', entryId: 'A', reason: 'r' },
      { tier: 'second', entryId: 'B', reason: 'r' },
      { tier: 'third', entryId: 'D', reason: 'r' },
    ]);
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['awards.2.entryId', 'award.ineligible'],
      ['awards', 'award.left_out'],
    ]);
  });
});
