import { ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { ApiFieldProblemCode, ErrorParams } from '@laurel/contracts';
import { AppError, FieldProblem } from './app-error';

/** What a class-validator check found, in the words a client translates, with the values its sentence names. */
interface Coded {
  code: ApiFieldProblemCode;
  limit?: number;
  params?: ErrorParams;
}

// Each check's code, from the check's name and the values it was declared with (its metadata's
// `constraints`: `@MaxLength(200)` holds [200]), never from its English message. A check not
// listed (isString, isBoolean, isArray, isObject, a nested object that is not one) is a
// value of the wrong kind.
const CONSTRAINT_CODES: Readonly<Record<string, (args: readonly unknown[]) => Coded>> = {
  isDefined: () => ({ code: 'required' }),
  isNotEmpty: () => ({ code: 'required' }),
  arrayNotEmpty: () => ({ code: 'required' }),
  // One character or one item at least is "fill it in": an empty value, not a short one.
  minLength: (args) => atLeast(args, 'min_length'),
  arrayMinSize: (args) => atLeast(args, 'min'),
  maxLength: (args) => limited(args, 'max_length'),
  arrayMaxSize: (args) => limited(args, 'max_items'),
  arrayUnique: () => ({ code: 'duplicate' }),
  whitelistValidation: () => ({ code: 'unknown' }),
  isEmail: () => ({ code: 'format' }),
  isUrl: () => ({ code: 'format' }),
  isUuid: () => ({ code: 'format' }),
  matches: () => ({ code: 'format' }),
  isDateString: () => ({ code: 'format' }),
  isIso8601: () => ({ code: 'format' }),
  isLocale: () => ({ code: 'format' }),
  isTimeZone: () => ({ code: 'format' }),
  isIn: (args) => options(args[0]),
  isEnum: (args) => options(args[1]),
  min: (args) => limited(args, 'min'),
  max: (args) => limited(args, 'max'),
  isPositive: () => ({ code: 'positive' }),
  isInt: () => ({ code: 'whole_number' }),
  // A number with at most so many decimals (`@IsNumber({ maxDecimalPlaces: 2 })`); a plain number check is a wrong kind.
  isNumber: ([options]) => {
    const places = (options as { maxDecimalPlaces?: unknown } | undefined)?.maxDecimalPlaces;
    return typeof places === 'number' ? { code: 'decimals', limit: places } : { code: 'type' };
  },
};

function limited([limit]: readonly unknown[], code: ApiFieldProblemCode): Coded {
  return typeof limit === 'number' ? { code, limit } : { code };
}

function atLeast(args: readonly unknown[], code: ApiFieldProblemCode): Coded {
  const [limit] = args;
  return typeof limit === 'number' && limit <= 1 ? { code: 'required' } : limited(args, code);
}

function options(values: unknown): Coded {
  return Array.isArray(values) ? { code: 'option', params: { options: values.map(String).join(', ') } } : { code: 'option' };
}

/** The values a check was declared with (`@MaxLength(200)` → [200]), read from class-validator's metadata of the checked class. */
function constraintsOf(error: ValidationError, name: string): readonly unknown[] {
  const target: unknown = error.target;
  if (!target || typeof target !== 'object') return [];
  const declared = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((metadata) => metadata.propertyName === error.property && metadata.name === name);
  const constraints: unknown = declared?.constraints;
  return Array.isArray(constraints) ? constraints : [];
}

function coded(error: ValidationError, name: string): Coded {
  return CONSTRAINT_CODES[name]?.(constraintsOf(error, name)) ?? { code: 'type' };
}

/**
 * Flattens class-validator errors into field problems a person can fix: where (`members.1.email`,
 * the path of a nested field), what is wrong in English, and its code with the values its
 * sentence names (`limit`, `params.options`) for a client that says it in its own language.
 */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([name, message]): FieldProblem => {
      const { code, limit, params } = coded(error, name);
      return {
        field,
        message: message.replace(/^property (\S+) should not exist$/, 'is not a known field: remove it'),
        code,
        ...(limit === undefined ? {} : { limit }),
        ...(params ? { params } : {}),
      };
    });
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** class-validator's finding when the value checked is not an object at all (a JSON list, number or string). */
function isNotAnObject(errors: ValidationError[]): boolean {
  return errors.some((error) => error.property === undefined && error.constraints?.['unknownValue'] !== undefined);
}

/** A JSON body that is not an object (a list, a number, a string): what to send instead. */
export function notJsonObject(): AppError {
  return AppError.badRequest(
    'request.not_json_object',
    'The request body must be a JSON object, such as {"name": "…"}, sent with Content-Type: application/json.',
  );
}

export function validationException(errors: ValidationError[]): AppError {
  if (isNotAnObject(errors)) return notJsonObject();
  const fields = flattenValidationErrors(errors);
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  return AppError.badRequest('validation_failed', `Please correct the request: ${summary}`, fields);
}
