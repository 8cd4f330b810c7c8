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
 * A stage action or run sheet that the rules refuse. `conflict`: right in itself but not now
 * (pausing what is already paused, redrawing after the start); `invalid`: wrong whatever the
 * moment (a slot that is not in the run sheet). The message says what to do instead.
 */
export class StageRuleError extends Error {
  constructor(
    readonly code: StageRuleCode,
    readonly kind: 'conflict' | 'invalid',
    message: string,
    readonly problems: { field: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'StageRuleError';
  }
}
