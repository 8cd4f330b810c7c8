import { type ArgumentMetadata, Injectable, ValidationPipe, type ValidationPipeOptions } from '@nestjs/common';
import { notJsonObject, validationException } from './validation';

/** How every request body and query is checked: unknown fields refused, the first problem per field. */
export const VALIDATION_OPTIONS: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  stopAtFirstError: true,
  // Each error keeps the object it was found in, so its check's declared values (`@MaxLength(200)`)
  // are read from that class's metadata; the errors are never sent as they are.
  validationError: { target: true },
  exceptionFactory: validationException,
};

/**
 * A DTO class of a hot route may carry a hand-written check of its plain body, `acceptsAsIs`. It
 * answers true only for a body the DTO's class-validator decorators would pass unchanged (no
 * unknown field, no null for an optional one, nothing to transform), and false for anything else,
 * which then goes through class-transformer and class-validator as before, so every refusal is
 * the same 400 with the same `fields`. A check that accepts more than the decorators is a bug:
 * its spec compares it with the real pipe on generated bodies.
 */
export interface LeanChecked {
  acceptsAsIs(value: unknown): boolean;
}

function isLeanChecked(metatype: unknown): metatype is LeanChecked {
  return typeof metatype === 'function' && typeof (metatype as Partial<LeanChecked>).acceptsAsIs === 'function';
}

/**
 * Nest's ValidationPipe with Laurel's options, except that a body whose DTO is `LeanChecked` and
 * which its check accepts is handed on as parsed. A judge's autosave (every 800 ms on pitch day)
 * spent about a tenth of the API's CPU in class-transformer and class-validator building and
 * walking instances of a body that was almost always valid.
 */
@Injectable()
export class LaurelValidationPipe extends ValidationPipe {
  constructor() {
    super(VALIDATION_OPTIONS);
  }

  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // A JSON list, number or string is no DTO: one refusal saying so, not one per field it lacks.
    if (metadata.type === 'body' && this.toValidate(metadata) && !isObjectOrNothing(value)) return Promise.reject(notJsonObject());
    if (metadata.type === 'body' && isLeanChecked(metadata.metatype) && metadata.metatype.acceptsAsIs(value)) return Promise.resolve(value);
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

/** A JSON object, or no body at all (checked as an empty object: its required fields are named). */
function isObjectOrNothing(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value));
}
