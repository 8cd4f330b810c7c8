export type { BreakSlot, EntrySlot, OnStage, RunSheetSlot, SlotOutcome, Stage, StageAction, StageActionType } from './stage.types';
export { STAGE_ACTIONS } from './stage.types';
export {
  STAGE_PROBLEM_CODES,
  STAGE_RULE_CODES,
  StageRuleError,
  type StageProblem,
  type StageProblemCode,
  type StageRuleCode,
} from './stage-rule-error';
export { drawOrder } from './draw';
export {
  createStage,
  DEFAULT_PITCH_SECONDS,
  DEFAULT_QA_SECONDS,
  entrySlotId,
  isEntrySlot,
  redraw,
  replaceSlots,
  SLOT_LIMITS,
  syncEntries,
} from './run-sheet';
export type { StageClock, StagePhase } from './stage-clock';
export { questionsOver, stageClock } from './stage-clock';
export { applyStageAction, MAX_EXTEND_SECONDS, REVEAL_ORDER, revealedTiers, upNext } from './stage';
