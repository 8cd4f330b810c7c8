import { AppError } from '@laurel/api-core';
import { StageRuleError } from '@laurel/domain';

export function notLive(name: string): AppError {
  return AppError.conflict('stage.not_live', `Round "${name}" is not run live. The organizer turns it on in the round's settings (live).`, {
    round: name,
  });
}

/** A refusal of the domain's rules as the API says it: 422 for what is wrong in itself, 409 for "not now". */
export function fromRule(error: unknown): unknown {
  if (!(error instanceof StageRuleError)) return error;
  const params = Object.keys(error.params).length > 0 ? error.params : undefined;
  return error.kind === 'invalid'
    ? AppError.unprocessable(error.code, error.message, error.problems, undefined, params)
    : AppError.conflict(error.code, error.message, params);
}
