import { type PipeTransform } from '@nestjs/common';
import { AppError } from '../errors/app-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every id of Laurel is a UUID; a string that is not one names nothing. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/**
 * A route id that is not a UUID names nothing, so it gets the same 404 as an id that is not there
 * (never a 400 that tells the two apart, nor a database error). `notFound` is the resource's own
 * refusal, so the message says what was not found: `@Param('id', new UuidPipe(roundNotFound))`.
 */
export class UuidPipe implements PipeTransform<string, string> {
  constructor(private readonly notFound: () => AppError = () => AppError.notFound('not_found', 'Nothing has this id. Check the link.')) {}

  transform(value: string): string {
    if (!isUuid(value)) throw this.notFound();
    return value;
  }
}
