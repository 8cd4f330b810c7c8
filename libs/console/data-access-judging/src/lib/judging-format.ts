import type { AssignmentStatus, ConflictView, JudgeAttachmentView, RoundStatus } from '@laurel/contracts';
import type { ConflictReason, ScoreValueProblem } from '@laurel/domain';
import type { TranslationKey } from '@laurel/console-util';

// Keys built from data, checked by the compiler against the dictionary.
export const assignmentStatusKey = (status: AssignmentStatus): TranslationKey => `judging.status.${status}`;
export const roundStatusKey = (status: RoundStatus): TranslationKey => `judging.roundStatus.${status}`;
export const attachmentKindKey = (kind: JudgeAttachmentView['kind']): TranslationKey => `judging.entry.kind.${kind}`;
export const scoreProblemKey = (problem: ScoreValueProblem): TranslationKey => `judging.score.problem.${problem}`;

const DETECTED_REASONS: Record<ConflictReason, true> = { same_organization: true, same_email_domain: true, team_member: true };

/** A detected conflict's kind as a dictionary key; null for a reason a judge or an organizer wrote (shown as written). */
export function conflictReasonKey(conflict: Pick<ConflictView, 'source' | 'reason'>): TranslationKey | null {
  return conflict.source === 'detected' && Object.hasOwn(DETECTED_REASONS, conflict.reason)
    ? `judging.conflicts.reasons.${conflict.reason as ConflictReason}`
    : null;
}
