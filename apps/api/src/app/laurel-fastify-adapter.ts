import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { answerUncaught, answerUnrouted, refuseBeforeHooks } from '@laurel/api-core';

/** What the console's pages (its deep links, outside /api) answer: its index.html. */
const CONSOLE_PAGE_METHODS = ['GET', 'HEAD'];

/**
 * Nest on Fastify, with Fastify's own hooks answering where no route does (api-core's
 * http-refusals.ts). At init Nest hands the adapter a not-found handler and an error handler of its
 * own, which turn a missing route into "Cannot GET …" and rewrap Fastify's errors as bare-string
 * HttpExceptions for its filter; Laurel answers those two hooks itself, so a refusal is recognised
 * by Fastify's route table and error codes rather than by Nest's wording.
 */
export class LaurelFastifyAdapter extends FastifyAdapter {
  /** Set by configureApp when the console is served beside the API: every page outside /api is its index.html. */
  servesConsolePages = false;

  constructor(options: Omit<FastifyServerOptions, 'frameworkErrors'>) {
    super({ ...options, frameworkErrors: refuseBeforeHooks });
  }

  override setNotFoundHandler(): ReturnType<FastifyAdapter['setNotFoundHandler']> {
    return this.getInstance().setNotFoundHandler((request, reply) => this.answerUnrouted(request, reply));
  }

  override setErrorHandler(): ReturnType<FastifyAdapter['setErrorHandler']> {
    return this.getInstance().setErrorHandler(answerUncaught);
  }

  private answerUnrouted(request: FastifyRequest, reply: FastifyReply): void {
    if (!this.servesConsolePages || request.url.startsWith('/api')) return answerUnrouted(request, reply);
    if (CONSOLE_PAGE_METHODS.includes(request.method)) void reply.type('text/html; charset=utf-8').sendFile('index.html');
    else answerUnrouted(request, reply, CONSOLE_PAGE_METHODS);
  }
}
