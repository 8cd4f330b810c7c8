import type { FieldProblem } from '@laurel/api-core';
import type { ContestField, FeedbackSettings } from '@laurel/contracts';
import type { ContestEntity, ContestFieldChanges } from '@laurel/api-database';
import type { UpdateContestDto } from './contest.dto';

export interface ClosingChanges {
  fields: ContestFieldChanges;
  changed: ContestField[];
  /** Named members to check against the panel. */
  memberIds: string[];
  problems: FieldProblem[];
}

/**
 * The council, feedback and meeting fields of an edit that differ from the stored ones. A member
 * list is kept in the order given, without repeats, so the minutes list them as the organizer did.
 */
export function closingChanges(contest: ContestEntity, dto: UpdateContestDto): ClosingChanges {
  const fields: ContestFieldChanges = {};
  const changed: ContestField[] = [];
  const problems: FieldProblem[] = [];
  let memberIds: string[] = [];

  if (dto.council) {
    const { memberIds: requested, approvalShare } = dto.council;
    let councilChanged = false;
    if (requested !== undefined) {
      const next = requested === null ? null : [...new Set(requested.map((id) => id.toLowerCase()))];
      if (next && next.length === 0)
        problems.push({
          field: 'council.memberIds',
          code: 'contest.council_empty',
          message: 'needs at least one member, or null for the judges of the final round',
        });
      if (!sameList(next, contest.councilMemberIds)) {
        fields.councilMemberIds = next;
        councilChanged = true;
      }
      memberIds = next ?? [];
    }
    if (approvalShare !== undefined && approvalShare !== contest.councilApprovalShare) {
      fields.councilApprovalShare = approvalShare;
      councilChanged = true;
    }
    if (councilChanged) changed.push('council');
  }
  if (dto.feedback) {
    const next: FeedbackSettings = { ...contest.feedback, ...definedOnly(dto.feedback) };
    if (JSON.stringify(next) !== JSON.stringify(contest.feedback)) {
      fields.feedback = next;
      changed.push('feedback');
    }
  }
  if (dto.councilMeetingAt !== undefined) {
    const current = contest.councilMeetingAt?.getTime() ?? null;
    const next = dto.councilMeetingAt === null ? null : Date.parse(dto.councilMeetingAt);
    if (next !== current) {
      fields.councilMeetingAt = dto.councilMeetingAt;
      changed.push('councilMeetingAt');
    }
  }
  if (dto.councilMeetingPlace !== undefined && dto.councilMeetingPlace !== contest.councilMeetingPlace) {
    fields.councilMeetingPlace = dto.councilMeetingPlace;
    changed.push('councilMeetingPlace');
  }
  return { fields, changed, memberIds, problems };
}

function sameList(a: string[] | null, b: string[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
