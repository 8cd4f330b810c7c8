import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { securityHeaders } from '../security/security-headers';
import { HttpExceptionFilter, methodNotAllowed, unknownRoute } from './http-exception.filter';

/**
 * What the API answers where no route does, as Fastify's own hooks, in ApiError's shape through
 * the one filter: a method and path no route serves (`answerUnrouted`, Fastify's not-found
 * handler), an error no route caught (`answerUncaught`, its error handler: the body parser's
 * refusals, a hook that failed) and its router's refusals, which come before any hook
 * (`refuseBeforeHooks`, its `frameworkErrors` option). Each runs only when a request is refused:
 * the routes' own answers pay nothing for them.
 */
const errors = new HttpExceptionFilter();

/**
 * No route serves this method and path: 405 `request.method_not_allowed` with `Allow` when a route
 * serves the path with other methods (HTTP's rule; `alsoAllowed` names methods served outside the
 * router, such as the console's pages), else 404 `request.unknown_route`.
 */
export function answerUnrouted(request: FastifyRequest, reply: FastifyReply, alsoAllowed: readonly string[] = []): void {
  const allowed = [...new Set([...allowedMethods(request), ...alsoAllowed])].sort();
  if (allowed.length === 0) return errors.send(unknownRoute(), reply);
  void reply.header('allow', allowed.join(', '));
  errors.send(methodNotAllowed(request.method, allowed), reply);
}

/** The methods some route of the server answers at this request's path (its router, asked method by method). */
export function allowedMethods(request: FastifyRequest): string[] {
  const { server, url } = request;
  return server.supportedMethods.filter((method) => server.findRoute({ method: method as never, url }) !== null);
}

/** An error no route caught: Fastify's body parser's refusals by their code, anything else as the filter says. */
export function answerUncaught(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  errors.send(error, reply);
}

/**
 * The router's refusals (a broken %-encoding, a path parameter longer than any id), sent before
 * any hook runs: so they set the security headers every other answer gets from its onRequest hook.
 */
export function refuseBeforeHooks(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  securityHeaders(request.raw, reply.raw, () => errors.send(error, reply));
}
