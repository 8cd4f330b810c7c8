import fc from 'fast-check';
import { approvalsRequired, DEFAULT_APPROVAL_SHARE, tallyCouncil } from './council';

describe(approvalsRequired.name, () => {
  it('asks two thirds of the council by default, rounded up', () => {
    // ⌈2/3 · 3⌉ = 2, ⌈2/3 · 4⌉ = ⌈2.67⌉ = 3, ⌈2/3 · 5⌉ = ⌈3.33⌉ = 4, ⌈2/3 · 6⌉ = 4, ⌈2/3 · 9⌉ = 6
    expect([3, 4, 5, 6, 9].map((n) => approvalsRequired(n, DEFAULT_APPROVAL_SHARE))).toEqual([2, 3, 4, 4, 6]);
  });

  it('takes a share just above a whole number to the next member', () => {
    // 0.67 · 3 = 2.01 → 3; 0.5 · 4 = 2 exactly → 2; 0.5 · 5 = 2.5 → 3
    expect(approvalsRequired(3, 0.67)).toBe(3);
    expect(approvalsRequired(4, 0.5)).toBe(2);
    expect(approvalsRequired(5, 0.5)).toBe(3);
  });

  it('needs nobody from an empty council or with a share of 0, everybody with a share of 1', () => {
    expect(approvalsRequired(0, DEFAULT_APPROVAL_SHARE)).toBe(0);
    expect(approvalsRequired(7, 0)).toBe(0);
    expect(approvalsRequired(7, 1)).toBe(7);
  });

  it('refuses a share outside [0, 1] and a fractional council', () => {
    expect(() => approvalsRequired(3, 1.2)).toThrow(RangeError);
    expect(() => approvalsRequired(3, Number.NaN)).toThrow(RangeError);
    expect(() => approvalsRequired(2.5, 0.5)).toThrow(RangeError);
  });

  it('is never more than the council nor less than share × members (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 1000 }), (members, permille) => {
        const share = permille / 1000;
        const required = approvalsRequired(members, share);
        expect(required).toBeLessThanOrEqual(members);
        expect(required).toBeGreaterThanOrEqual(members * share - 1e-6);
        expect(required - 1).toBeLessThan(members * share);
      }),
    );
  });
});

describe(tallyCouncil.name, () => {
  it('counts approvals and objections of current members only', () => {
    const decisions = new Map([
      ['a', 'approve'],
      ['b', 'object'],
      ['gone', 'approve'],
    ] as const);
    // members a, b, c: 1 approval, 1 objection; ⌈2/3 · 3⌉ = 2 needed, not reached.
    expect(tallyCouncil(['a', 'b', 'c'], decisions, DEFAULT_APPROVAL_SHARE)).toEqual({
      members: 3,
      approvals: 1,
      objections: 1,
      required: 2,
      reached: false,
    });
    expect(tallyCouncil(['a', 'c'], new Map([...decisions, ['c', 'approve']]), DEFAULT_APPROVAL_SHARE)).toEqual({
      members: 2,
      approvals: 2,
      objections: 0,
      required: 2,
      reached: true,
    });
  });

  it('reaches the share of an empty council at once', () => {
    expect(tallyCouncil([], new Map(), DEFAULT_APPROVAL_SHARE)).toEqual({
      members: 0,
      approvals: 0,
      objections: 0,
      required: 0,
      reached: true,
    });
  });

  it('counts a member named twice once', () => {
    expect(tallyCouncil(['a', 'a', 'b'], new Map([['a', 'approve']]), 0.5).members).toBe(2);
  });
});
