export { assignJudges } from './assign-judges';
export type {
  AssignedPanelInput,
  AssignmentFailure,
  AssignmentInput,
  AssignmentResult,
  AssignmentSuccess,
  CompletePanelInput,
  JudgeAssignment,
  PanelMode,
  UnassignableEntry,
  UnassignableReason,
} from './assignment.types';
export { detectConflicts } from './detect-conflicts';
export type { Conflict, ConflictEntry, ConflictJudge, ConflictReason, EntryMember } from './detect-conflicts';
export { emailDomain } from './email-domain';
export { missingSheets, type EntryPanelCount } from './missing-sheets';
export { normalizeOrganization, normalizePersonName } from './normalize-name';
export { isPublicMailDomain, PUBLIC_MAIL_DOMAINS } from './public-mail-domains';
export { pickExtraJudge } from './pick-extra-judge';
export type { ExtraJudgeInput, ExtraJudgeResult } from './pick-extra-judge';
