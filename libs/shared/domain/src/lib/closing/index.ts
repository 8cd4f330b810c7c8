export type { CouncilDecision, CouncilTally } from './council';
export { approvalsRequired, DEFAULT_APPROVAL_SHARE, tallyCouncil } from './council';
export type { EntryCriterionMeans, JudgeSheetMark } from './feedback';
export { categoryCriterionAverages, numberJudges } from './feedback';
export type { ReminderRound } from './reminder';
export { DEFAULT_REMINDER_HOURS_BEFORE, reminderTime } from './reminder';
