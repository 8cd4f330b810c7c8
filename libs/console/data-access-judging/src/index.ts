export { JudgingApi } from './lib/judging.api';
export { MyAssignmentsStore, type RoundGroup } from './lib/my-assignments.store';
export { formatScoreInput, parseScore, type ParsedScore } from './lib/score-input';
export { SAVE_DEBOUNCE_MS, ScoreSheetStore, type CriterionField, type SaveState } from './lib/score-sheet.store';
export { assignmentStatusKey, attachmentKindKey, conflictReasonKey, roundStatusKey, scoreProblemKey } from './lib/judging-format';
