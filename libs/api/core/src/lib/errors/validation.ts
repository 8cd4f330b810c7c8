import { ValidationError } from '@nestjs/common';
import { AppError, FieldProblem } from './app-error';

/** Flattens class-validator errors into `field.path: message` lines a person can fix. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(/^property (\S+) should not exist$/, 'is not a known field: remove it'),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export function validationException(errors: ValidationError[]): AppError {
  const fields = flattenValidationErrors(errors);
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  return AppError.badRequest('validation_failed', `Please correct the request: ${summary}`, fields);
}
