import type { CodedProblem } from '../util/coded-problem';

/** Every code a `StageRuleError` carries; the API's error codes include them (`API_ERROR_CODES`). */
export const STAGE_RULE_CODES = [
  'run_sheet.invalid',
  'stage.already_done',
  'stage.already_marked',
  'stage.already_on_stage',
  'stage.already_paused',
  'stage.already_started',
  'stage.break_no_show',
  'stage.extend_invalid',
  'stage.finished',
  'stage.not_in_run_sheet',
  'stage.not_paused',
  'stage.nothing_on_stage',
  'stage.nothing_waiting',
  'stage.reveal_complete',
] as const;
export type StageRuleCode = (typeof STAGE_RULE_CODES)[number];

/**
 * Every kind of problem a `StageRuleError` names in its `problems`: a line of a run sheet that
 * cannot be saved (`position` is the line's number from 1, `entry` the team as people know it,
 * `min`/`max` the bounds of a time in seconds), or the slot or seconds of a stage action. The API
 * sends each as a field problem's `code`, so a client words it itself.
 */
export const STAGE_PROBLEM_CODES = [
  'run_sheet.slot_repeated',
  'run_sheet.entry_unknown',
  'run_sheet.entry_repeated',
  'run_sheet.slot_id',
  'run_sheet.break_id',
  'run_sheet.pitch_seconds',
  'run_sheet.qa_seconds',
  'run_sheet.break_seconds',
  'run_sheet.entry_missing',
  'run_sheet.on_stage_missing',
  'stage.slot_unknown',
  'stage.slot_is_break',
  'stage.extend_seconds',
] as const;
export type StageProblemCode = (typeof STAGE_PROBLEM_CODES)[number];

/** One faulty part of a stage action or run sheet: where, what kind, its values, and the English sentence. */
export type StageProblem = CodedProblem<StageProblemCode>;

/**
 * A stage action or run sheet that the rules refuse. `conflict`: right in itself but not now
 * (pausing what is already paused, redrawing after the start); `invalid`: wrong whatever the
 * moment (a slot that is not in the run sheet). The message says what to do instead; `params`
 * hold the values it names.
 */
export class StageRuleError extends Error {
  constructor(
    readonly code: StageRuleCode,
    readonly kind: 'conflict' | 'invalid',
    message: string,
    readonly problems: StageProblem[] = [],
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'StageRuleError';
  }
}
