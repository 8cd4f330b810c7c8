import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { ApiError } from '@laurel/contracts';
import { AppError } from './app-error';
import { StoredAnswer } from './stored-answer';

const DEFAULT_MESSAGES: Partial<Record<number, string>> = {
  401: 'Please sign in to continue.',
  403: 'Your account may not do this.',
  404: 'Nothing was found at this address.',
  413: 'The request is too large.',
  429: 'Too many attempts. Wait a minute and try again.',
  500: 'Something went wrong on our side. Try again; if it keeps happening, tell the organizers.',
};

/** The one place every failure becomes `{statusCode, error, message}`. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    this.send(exception, host.switchToHttp().getResponse<FastifyReply>());
  }

  /**
   * Answers `exception` on `reply`, logging what is ours to fix. Nest's routes come here through
   * `catch`; what no route answers (Fastify's not-found and error handlers, its router's refusals)
   * through http-refusals.ts.
   */
  send(exception: unknown, reply: FastifyReply): void {
    if (exception instanceof StoredAnswer) {
      if (!reply.sent) void reply.status(exception.statusCode).send(exception.body);
      return;
    }
    const body = this.toBody(exception);
    const retryAfter = (exception as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
    if (typeof retryAfter === 'number') {
      // A refusal by design (a full queue), said with when to come back; nothing to log.
    } else if (body.statusCode === 503) this.logger.warn(`Database unavailable: ${(exception as Error)?.message}`);
    else if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (reply.sent) return;
    if (body.statusCode === 503) void reply.header('retry-after', String(typeof retryAfter === 'number' ? retryAfter : 5));
    // A throttle says in its details how long to wait; the header says it to any client.
    const throttledFor = body.statusCode === 429 ? body.details?.['retryAfterSeconds'] : undefined;
    if (typeof throttledFor === 'number') void reply.header('retry-after', String(throttledFor));
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  toBody(exception: unknown): ApiError {
    if (exception instanceof AppError) {
      const status = exception.getStatus();
      return compact({
        statusCode: status,
        error: STATUS_CODES[status] ?? 'Error',
        message: exception.message,
        code: exception.code,
        params: exception.params,
        fields: exception.fields,
        details: exception.details,
      });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      const message = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : undefined;
      return {
        statusCode: status,
        error: STATUS_CODES[status] ?? 'Error',
        message: pickMessage(status, message),
      };
    }
    if (isUnstorableText(exception)) {
      return {
        statusCode: HttpStatus.BAD_REQUEST,
        error: STATUS_CODES[400] as string,
        message: 'The text holds a character that cannot be stored (such as a NUL byte). Remove it and send again.',
        code: 'validation_failed',
      };
    }
    if (isDatabaseUnavailable(exception)) {
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        error: STATUS_CODES[503] as string,
        message: 'The database is not reachable for a moment. Nothing was saved; try again in a few seconds.',
        code: 'database.unavailable',
      };
    }
    // Fastify's own refusals (its router's and its body parser's), by their code.
    const error = exception as { name?: unknown; code?: unknown } | null;
    const refusal = error?.name === 'FastifyError' ? frameworkRefusal(error.code) : null;
    if (refusal) return this.toBody(refusal);
    const status = statusOfFrameworkError(exception);
    return {
      statusCode: status,
      error: STATUS_CODES[status] ?? 'Error',
      message: status < 500 && exception instanceof Error ? exception.message : pickMessage(status),
    };
  }
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
]);

/** A lost or refused database connection: the request can be retried, so 503, not 500. */
function isDatabaseUnavailable(exception: unknown): boolean {
  const error = exception as { code?: unknown; driverError?: { code?: unknown }; message?: unknown } | null;
  const code = error?.code ?? error?.driverError?.code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  // When the connection dies inside a transaction, TypeORM's rollback fails with one of these,
  // hiding the original connection error.
  const name = (exception as { name?: unknown } | null)?.name;
  if (name === 'QueryRunnerProviderAlreadyReleasedError' || name === 'QueryRunnerAlreadyReleasedError') return true;
  const message = typeof error?.message === 'string' ? error.message : '';
  return /Connection terminated|connection timeout|not queryable|server closed the connection unexpectedly|terminating connection due to administrator command|the database system is (starting up|shutting down)/i.test(
    message,
  );
}

/** PostgreSQL refuses a NUL byte (and invalid encodings) in text: the caller's input, so 400. */
function isUnstorableText(exception: unknown): boolean {
  const error = exception as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = error?.code ?? error?.driverError?.code;
  return code === '22021' || code === '22P05';
}

/** The answer to a method and path that no route serves, with or without the console beside the API. */
export function unknownRoute(): AppError {
  return AppError.notFound('request.unknown_route', 'Nothing is at this address for this method. Check the link.');
}

/** The answer to a method a path does not take; the caller sends the `Allow` header naming `allowed`. */
export function methodNotAllowed(method: string, allowed: readonly string[]): AppError {
  const list = allowed.join(', ');
  return new AppError(
    HttpStatus.METHOD_NOT_ALLOWED,
    'request.method_not_allowed',
    `This address does not take ${method}; it takes ${list}. Check the method.`,
    undefined,
    undefined,
    { method, allowed: list },
  );
}

/**
 * Fastify's refusals of a request before any route runs, in the API's words and codes, by their
 * code: its router's (a broken %-encoding; a path parameter longer than find-my-way reads, which
 * no route serves) and its body parser's (too large; a media type with no parser; an empty or
 * broken JSON body, or one shorter than its Content-Length). Null for anything else.
 */
function frameworkRefusal(code: unknown): AppError | null {
  switch (code) {
    case 'FST_ERR_BAD_URL':
      return AppError.badRequest(
        'request.bad_url',
        'The address holds a broken %-encoding (a % not followed by two hexadecimal digits of valid UTF-8). Check the link.',
      );
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return unknownRoute();
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return AppError.badRequest(
        'request.unreadable_body',
        'The body could not be read as JSON: it is empty, cut short or not valid JSON.',
      );
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(
        HttpStatus.PAYLOAD_TOO_LARGE,
        'request.too_large',
        'The request is larger than the API accepts. Send less; files go through their upload.',
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'request.unsupported_media_type',
        'The body’s media type is not one the API reads: send JSON (application/json), or a file as multipart/form-data where a route takes one.',
      );
    default:
      return null;
  }
}

/** Fastify's own errors (body too large, bad JSON, bad content type) carry a statusCode. */
function statusOfFrameworkError(exception: unknown): number {
  const status = (exception as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : HttpStatus.INTERNAL_SERVER_ERROR;
}

function pickMessage(status: number, message?: string): string {
  if (!message || message === STATUS_CODES[status]) return DEFAULT_MESSAGES[status] ?? STATUS_CODES[status] ?? 'Error';
  return message;
}

function compact(body: ApiError): ApiError {
  if (!body.code) delete body.code;
  if (!body.params || Object.keys(body.params).length === 0) delete body.params;
  if (!body.fields || body.fields.length === 0) delete body.fields;
  if (!body.details) delete body.details;
  return body;
}
