/**
 * A stage action or run sheet that the rules refuse. `conflict`: right in itself but not now
 * (pausing what is already paused, redrawing after the start); `invalid`: wrong whatever the
 * moment (a slot that is not in the run sheet). The message says what to do instead.
 */
export class StageRuleError extends Error {
  constructor(
    readonly code: string,
    readonly kind: 'conflict' | 'invalid',
    message: string,
    readonly problems: { field: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'StageRuleError';
  }
}
