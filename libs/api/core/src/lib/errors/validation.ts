import { ValidationError } from '@nestjs/common';
import type { ApiFieldProblemCode } from '@laurel/contracts';
import { AppError, FieldProblem } from './app-error';

// What kind of problem each class-validator check finds, in the words a client translates (the
// domain's field problem codes); a check not listed is a value of the wrong kind.
const CONSTRAINT_CODES: Readonly<Record<string, ApiFieldProblemCode>> = {
  isNotEmpty: 'required',
  isDefined: 'required',
  arrayNotEmpty: 'required',
  arrayMinSize: 'required',
  minLength: 'too_short',
  maxLength: 'max_length',
  arrayMaxSize: 'max_items',
  arrayUnique: 'duplicate',
  whitelistValidation: 'unknown',
  isEmail: 'format',
  isUrl: 'format',
  isUuid: 'format',
  matches: 'format',
  isDateString: 'format',
  isIso8601: 'format',
  isLocale: 'format',
  isIn: 'option',
  isEnum: 'option',
  min: 'min',
  max: 'max',
  isInt: 'integer',
};

/** Flattens class-validator errors into `field.path: message` lines a person can fix. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      message: message.replace(/^property (\S+) should not exist$/, 'is not a known field: remove it'),
      code: CONSTRAINT_CODES[constraint] ?? 'type',
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export function validationException(errors: ValidationError[]): AppError {
  const fields = flattenValidationErrors(errors);
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  return AppError.badRequest('validation_failed', `Please correct the request: ${summary}`, fields);
}
