import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiProduces, ApiResponse } from '@nestjs/swagger';

/** The refusals a route may give besides the ones its metadata already implies (see `ApiAnswer`). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 503;

/**
 * What each refusal means to a client, said once for the whole document. The body is always the
 * contract's `ApiError`.
 */
export const ERROR_ANSWERS: Record<ErrorStatus, string> = {
  400: 'The input is not valid: `fields` names each problem.',
  401: 'Not signed in, or the session has ended: sign in again.',
  403: 'Signed in without the role this needs.',
  404: 'Nothing with this id, or not yours: another person’s resource is never revealed.',
  409: 'Conflicts with the current state (a status, a newer version, a request with the same Idempotency-Key still running): reload and retry.',
  410: 'The link was used already or has expired: ask for a new one.',
  413: 'The body or file is larger than allowed.',
  415: 'The file’s type (read from its bytes) is not accepted here.',
  422: 'Breaks a rule: `code` names it, `fields` or `details` say where (also an Idempotency-Key reused with another body).',
  429: 'Too many attempts: wait as Retry-After says.',
  503: 'The database is unreachable for a moment: retry.',
};

/** Set on every handler that documents its answer; the OpenAPI check refuses routes without it. */
export const API_ANSWER = 'laurel:apiAnswer';

/**
 * The successful body of a route, named by a type exported from `@laurel/contracts` (its schema
 * is generated from that type: tools/scripts/contract-schemas.mjs), `[Name]` for a list of them,
 * `{ oneOf: [Name, …] }` when the caller decides which, `{ file: [media types] }` for a download,
 * `{ stream: media type }` for an event stream, or null for no body.
 */
export type AnswerBody = string | [string] | { oneOf: string[] } | { file: string[] } | { stream: string } | null;

export interface AnswerOptions {
  /** Refusals specific to this route (409, 410, 413, 415, 422, 429, …). 400, 401, 403, 404 and
   *  503 follow from the route's body, query, roles and path parameters, and 409 and 422 of a POST
   *  from its Idempotency-Key: apps/api/src/app/openapi.ts adds those to every route. */
  errors?: ErrorStatus[];
}

function schemaOf(name: string): { $ref: string } {
  return { $ref: `#/components/schemas/${name}` };
}

/**
 * Documents the answer of a route: its 2xx status (the one the handler really sends, e.g. the
 * `@HttpCode`) with the body's schema and what that answer is, and its route-specific refusals
 * with the error body. `description` says what comes back in this route's words ("The judge's
 * score sheet after the save, with its new version."), or what happened when there is no body;
 * a client generated from the document shows it, and the OpenAPI check refuses a generic one.
 */
export function ApiAnswer(
  status: 200 | 201 | 202 | 204,
  body: AnswerBody,
  description: string,
  options: AnswerOptions = {},
): MethodDecorator {
  const decorators: (MethodDecorator | ClassDecorator)[] = [SetMetadata(API_ANSWER, { status, body, errors: options.errors ?? [] })];
  if (body === null) {
    decorators.push(ApiResponse({ status, description }));
  } else if (typeof body === 'string' || Array.isArray(body)) {
    const schema = typeof body === 'string' ? schemaOf(body) : { type: 'array' as const, items: schemaOf(body[0]) };
    decorators.push(ApiResponse({ status, description, content: { 'application/json': { schema } } }));
  } else if ('oneOf' in body) {
    const schema = { oneOf: body.oneOf.map(schemaOf) };
    decorators.push(ApiResponse({ status, description, content: { 'application/json': { schema } } }));
  } else if ('file' in body) {
    decorators.push(ApiProduces(...body.file));
    decorators.push(
      ApiResponse({
        status,
        description,
        content: Object.fromEntries(body.file.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
      }),
    );
  } else {
    decorators.push(ApiProduces(body.stream));
    decorators.push(ApiResponse({ status, description, content: { [body.stream]: { schema: { type: 'string' } } } }));
  }
  for (const error of options.errors ?? []) {
    decorators.push(
      ApiResponse({ status: error, description: ERROR_ANSWERS[error], content: { 'application/json': { schema: schemaOf('ApiError') } } }),
    );
  }
  return applyDecorators(...decorators) as MethodDecorator;
}
