import type { AssignmentStatus, JudgeAttachmentView, RoundStatus } from '@laurel/contracts';
import type { ScoreValueProblem } from '@laurel/domain';
import type { TranslationKey } from '@laurel/console-util';

// Keys built from data, checked by the compiler against the dictionary.
export const assignmentStatusKey = (status: AssignmentStatus): TranslationKey => `judging.status.${status}`;
export const roundStatusKey = (status: RoundStatus): TranslationKey => `judging.roundStatus.${status}`;
export const attachmentKindKey = (kind: JudgeAttachmentView['kind']): TranslationKey => `judging.entry.kind.${kind}`;
export const scoreProblemKey = (problem: ScoreValueProblem): TranslationKey => `judging.score.problem.${problem}`;
