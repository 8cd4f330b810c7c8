import fc from 'fast-check';
import { blendVotes, tallyVotes, voterMailbox, type VoteBlendEntry } from './public-vote';
import { ScoringInputError } from './scoring-input-error';

const entry = (entryId: string, judgeScore: number | null, categoryId: string | null = null): VoteBlendEntry => ({
  entryId,
  judgeScore,
  categoryId,
});

describe(blendVotes.name, () => {
  const round = [entry('a', 80), entry('b', 70), entry('c', 60)];

  it('blends 80 % judges and 20 % public (p = 0.2)', () => {
    // votes a 10, b 40, c 20 → most 40 → voteScore a 25, b 100, c 50
    // score a = 0.8·80 + 0.2·25 = 69; b = 0.8·70 + 0.2·100 = 76; c = 0.8·60 + 0.2·50 = 58
    const lines = blendVotes(round, { share: 0.2, scope: 'overall', votes: { a: 10, b: 40, c: 20 } });
    expect(lines.map((l) => l.voteScore)).toEqual([25, 100, 50]);
    expect(lines[0]?.score).toBeCloseTo(69, 12);
    expect(lines[1]?.score).toBeCloseTo(76, 12);
    expect(lines[2]?.score).toBeCloseTo(58, 12);
  });

  it('with p = 0 gives the judge score exactly', () => {
    const lines = blendVotes(round, { share: 0, scope: 'overall', votes: { a: 1, b: 9 } });
    expect(lines.map((l) => l.score)).toEqual([80, 70, 60]);
    expect(lines.map((l) => l.voteScore)).toEqual([100 / 9, 100, 0]);
  });

  it('with p = 0.5 gives the mean of judge score and vote score', () => {
    // votes a 3, b 6, c 0 → voteScore 50, 100, 0 → score (80+50)/2 = 65, (70+100)/2 = 85, 30
    const lines = blendVotes(round, { share: 0.5, scope: 'overall', votes: { a: 3, b: 6 } });
    expect(lines.map((l) => l.score)).toEqual([65, 85, 30]);
  });

  it('gives a vote score of 0 when nobody voted', () => {
    // no votes: voteScore 0 for all, score 0.8·judgeScore (64, 56, 48): the order of the judges stays
    const lines = blendVotes(round, { share: 0.2, scope: 'overall', votes: {} });
    expect(lines.map((l) => [l.votes, l.voteScore])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(lines.map((l) => l.score)).toEqual([64, 56, 48].map((s) => expect.closeTo(s, 12)));
  });

  it('takes the most votes within each category under the category scope', () => {
    // tech: t1 8, t2 2 → 100, 25; agri: g1 1, g2 0 → 100, 0. Overall scope would give g1 12.5.
    const entries = [entry('t1', 50, 'tech'), entry('t2', 50, 'tech'), entry('g1', 50, 'agri'), entry('g2', 50, 'agri')];
    const votes = { t1: 8, t2: 2, g1: 1 };
    expect(blendVotes(entries, { share: 0.2, scope: 'category', votes }).map((l) => l.voteScore)).toEqual([100, 25, 100, 0]);
    expect(blendVotes(entries, { share: 0.2, scope: 'overall', votes }).map((l) => l.voteScore)).toEqual([100, 25, 12.5, 0]);
  });

  it('never ranks an entry on votes alone', () => {
    expect(blendVotes([entry('a', null), entry('b', 50)], { share: 0.5, scope: 'overall', votes: { a: 5 } })[0]).toEqual({
      entryId: 'a',
      judgeScore: null,
      votes: 5,
      voteScore: 100,
      score: null,
    });
  });

  it('refuses a share outside [0, 0.5], a negative count and votes for an entry outside the round', () => {
    expect(() => blendVotes(round, { share: 0.6, scope: 'overall', votes: {} })).toThrow(ScoringInputError);
    expect(() => blendVotes(round, { share: -0.1, scope: 'overall', votes: {} })).toThrow(ScoringInputError);
    expect(() => blendVotes(round, { share: 0.2, scope: 'overall', votes: { a: -1 } })).toThrow(ScoringInputError);
    expect(() => blendVotes(round, { share: 0.2, scope: 'overall', votes: { zz: 1 } })).toThrow(ScoringInputError);
  });

  it('keeps every blend in [0, 100] (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            judge: fc.integer({ min: 0, max: 10_000 }).map((j) => j / 100),
            votes: fc.nat(1000),
            cat: fc.constantFrom('x', 'y', null),
          }),
          { minLength: 1, maxLength: 10 },
        ),
        fc.integer({ min: 0, max: 50 }).map((p) => p / 100),
        fc.constantFrom('overall' as const, 'category' as const),
        (rows, share, scope) => {
          const entries = rows.map((r, i) => entry(`e${i}`, r.judge, r.cat));
          const votes = Object.fromEntries(rows.map((r, i) => [`e${i}`, r.votes]));
          return blendVotes(entries, { share, scope, votes }).every(
            (l) => l.score !== null && l.score >= 0 && l.score <= 100 && l.voteScore >= 0 && l.voteScore <= 100,
          );
        },
      ),
    );
  });
});

describe(tallyVotes.name, () => {
  it('counts ballots per entry, whatever their order (property)', () => {
    expect(tallyVotes([{ entryId: 'a' }, { entryId: 'b' }, { entryId: 'a' }])).toEqual({ a: 2, b: 1 });
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c').map((entryId) => ({ entryId }))), fc.integer(), (ballots, seed) => {
        const shuffled = [...ballots].sort((x, y) => ((x.entryId.charCodeAt(0) * seed) % 7) - ((y.entryId.charCodeAt(0) * seed) % 7));
        return JSON.stringify(Object.entries(tallyVotes(ballots)).sort()) === JSON.stringify(Object.entries(tallyVotes(shuffled)).sort());
      }),
    );
  });
});

describe(voterMailbox.name, () => {
  it('lower-cases the address and removes a +tag', () => {
    expect(voterMailbox(' Ann.Tran+vote2@Gmail.COM ')).toBe('ann.tran@gmail.com');
    expect(voterMailbox('ann.tran@gmail.com')).toBe('ann.tran@gmail.com');
    expect(voterMailbox('a+b+c@x.vn')).toBe('a@x.vn');
  });

  it('keeps a local part that begins with + and an address without @ as they are, lower-cased', () => {
    expect(voterMailbox('+x@y.vn')).toBe('+x@y.vn');
    expect(voterMailbox('NOT-AN-ADDRESS')).toBe('not-an-address');
  });
});
