/**
 * The council's sign-off on the award list: publication needs approvals from at least
 * ⌈share × members⌉ members. Pure: the API loads the members and their decisions and asks here.
 */

/** Two thirds, the share a "two-thirds of the council" rule asks for. */
export const DEFAULT_APPROVAL_SHARE = 2 / 3;

export type CouncilDecision = 'approve' | 'object';

export interface CouncilTally {
  members: number;
  approvals: number;
  objections: number;
  required: number;
  reached: boolean;
}

/**
 * ⌈share × members⌉. The product is taken down by 1e-9 before the ceiling because a share
 * such as 2/3 is not exact in binary: 3 × 0.666… must need 2 approvals, never 3, while a true
 * fraction above a whole number (0.67 × 3 = 2.01) still needs the next one.
 */
export function approvalsRequired(members: number, share: number): number {
  if (!Number.isInteger(members) || members < 0) throw new RangeError(`members must be a whole number ≥ 0, got ${members}`);
  if (!(share >= 0 && share <= 1)) throw new RangeError(`share must be between 0 and 1, got ${share}`);
  return Math.max(0, Math.ceil(members * share - 1e-9));
}

/**
 * Counts the decisions of the current members only: a decision left by someone who is no longer
 * on the council (the organizer changed it) counts for nothing. A council without members needs
 * no approval (⌈share × 0⌉ = 0).
 */
export function tallyCouncil(memberIds: readonly string[], decisions: ReadonlyMap<string, CouncilDecision>, share: number): CouncilTally {
  const members = new Set(memberIds);
  let approvals = 0;
  let objections = 0;
  for (const id of members) {
    const decision = decisions.get(id);
    if (decision === 'approve') approvals += 1;
    else if (decision === 'object') objections += 1;
  }
  const required = approvalsRequired(members.size, share);
  return { members: members.size, approvals, objections, required, reached: approvals >= required };
}
