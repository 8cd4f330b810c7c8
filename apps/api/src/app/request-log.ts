import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Logger as NestLogger, PinoLogger } from 'nestjs-pino';
import { pino, type Logger } from 'pino';
import { PINO_REDACT_PATHS, REDACTED, redactText, redactUrl } from '@laurel/api-core';

/** The process's one pino logger: every line, Nest's and the request lines, redacted alike. */
export function laurelLogger(level: string): Logger {
  return pino({
    level,
    redact: { paths: PINO_REDACT_PATHS, censor: REDACTED },
    // The last net: a signed token that reached any message (an error text, a stack) is blanked.
    hooks: { streamWrite: redactText },
  });
}

/** Nest's own lines (`new Logger(context)` in the services, bootstrap, errors) on that logger. */
export function nestLogger(logger: Logger): NestLogger {
  const params = { pinoHttp: { logger } };
  return new NestLogger(new PinoLogger(params), params);
}

/**
 * One line per answered request, as pino-http wrote it (`req`, `res`, `responseTime`, "request
 * completed", and "request errored" with an `err` from 500 on), at info below 400, warn below 500,
 * error above; `/api/health` is not logged.
 *
 * pino-http built a child logger around every request as it arrived (serializing and redacting the
 * request into its bindings, then an AsyncLocalStorage scope for nestjs-pino), logged or not: about
 * a tenth of a judge's autosave in the API's CPU profile, and the scope's promise hooks slowed every
 * await of the request. Here the line is built only when its level is on. Lines a service writes
 * during a request no longer carry the request; its own line follows them.
 */
export function logRequests(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const status = reply.statusCode;
    const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
    if (logger.isLevelEnabled(level) && request.url !== '/api/health') {
      const line = {
        req: requestFields(request),
        res: { statusCode: status, headers: reply.getHeaders() },
        responseTime: Math.round(reply.elapsedTime),
      };
      if (status >= 500)
        logger[level]({ ...line, err: { type: 'Error', message: `failed with status code ${status}` } }, 'request errored');
      else logger[level](line, 'request completed');
    }
    done();
  });
  // A stream the client closed (a live board, the stage) never finishes, so it has no line above;
  // Fastify hands this hook the request only, so the line says what was asked and that it ended.
  fastify.addHook('onRequestAbort', (request, done) => {
    if (logger.isLevelEnabled('info')) logger.info({ req: requestFields(request) }, 'request aborted');
    done();
  });
}

/** The request as pino's request serializer gave it, the URL's secrets blanked (headers by `PINO_REDACT_PATHS`). */
function requestFields(request: FastifyRequest): Record<string, unknown> {
  return {
    id: request.id,
    method: request.method,
    url: redactUrl(request.url),
    query: request.query,
    headers: request.headers,
    remoteAddress: request.socket.remoteAddress,
    remotePort: request.socket.remotePort,
  };
}
