import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { AppError, type AuthUser, laurelConfig, type LaurelConfig, StoredAnswer, withoutSecrets } from '@laurel/api-core';
import { canonicalJson, IdempotencyRepository } from '@laurel/api-database';
import { fingerprintMultipart } from './multipart-fingerprint';

/** A claimed key, on the request until its answer is kept or the key released. */
const CLAIMED = Symbol('idempotency claim');

type HttpRequest = FastifyRequest & { user?: AuthUser; [CLAIMED]?: { scope: string; key: string } };

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * `Idempotency-Key` on a POST: the first successful answer is kept, and a repeat with the same
 * key (same caller, same request) gets that answer again without running the handler. A refused
 * request (4xx) changed nothing, so its key is released and may be retried.
 *
 * The key belongs to the caller (the signed-in user, else the client address) and to what was
 * sent: the JSON body, or a form's fields and files by their hash. An answer that carries a
 * credential (a session token, a live ticket) is kept without it: the replay says what was done
 * and never hands out the secret again.
 *
 * A global guard, registered after the authentication guards (so the caller is known), claims the
 * key before the handler runs; `keepAnswer` (a Fastify onSend hook) keeps the answer or releases
 * the key. A request without the header costs a comparison: an interceptor wrapped every request
 * of every route in an rxjs pipeline, about a tenth of a judge's autosave in the API's CPU profile.
 */
@Injectable()
export class IdempotencyGuard implements CanActivate {
  constructor(
    private readonly keys: IdempotencyRepository,
    @Inject(laurelConfig.KEY) private readonly config: LaurelConfig,
  ) {}

  canActivate(context: ExecutionContext): true | Promise<true> {
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined) return true;
    return this.claim(request, (Array.isArray(header) ? header[0] : header) ?? '');
  }

  /** The Fastify onSend hook: keeps a claimed request's 2xx answer, else releases its key. */
  readonly keepAnswer = (
    request: FastifyRequest,
    reply: FastifyReply,
    payload: unknown,
    done: (error: Error | null, payload?: unknown) => void,
  ): void => {
    const claimed = (request as HttpRequest)[CLAIMED];
    if (claimed === undefined) return done(null, payload);
    (request as HttpRequest)[CLAIMED] = undefined;
    this.settle(claimed, reply, payload).then(
      () => done(null, payload),
      (error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
    );
  };

  private async claim(request: HttpRequest, key: string): Promise<true> {
    if (!KEY_PATTERN.test(key)) {
      throw AppError.badRequest('idempotency.bad_key', 'Idempotency-Key must be 1 to 200 visible ASCII characters, e.g. a UUID.');
    }
    const scope = request.user?.id ?? `anonymous ${request.ip}`;
    const claim = await this.keys.claim(scope, key, await this.fingerprint(request));
    switch (claim.kind) {
      case 'replay':
        throw new StoredAnswer(claim.statusCode, claim.response);
      case 'in_progress':
        throw AppError.conflict(
          'idempotency.in_progress',
          'A request with this Idempotency-Key is still being handled. Wait a moment, then retry.',
        );
      case 'mismatch':
        throw AppError.unprocessable(
          'idempotency.key_reused',
          'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
        );
      case 'claimed':
        request[CLAIMED] = { scope, key };
        return true;
    }
  }

  /**
   * A 2xx answer is kept before it is sent (a retry after it finds it), without secrets; anything
   * else was a refusal or a failure, so the key is freed for a retry. Were keeping it to fail, the
   * key is freed too and the failure answered, as when the handler fails.
   */
  private async settle(claimed: { scope: string; key: string }, reply: FastifyReply, payload: unknown): Promise<void> {
    const status = reply.statusCode;
    if (status < 200 || status >= 300) return this.keys.release(claimed.scope, claimed.key);
    try {
      await this.keys.complete(claimed.scope, claimed.key, status, withoutSecrets(answerOf(reply, payload)).value);
    } catch (error) {
      await this.keys.release(claimed.scope, claimed.key);
      throw error;
    }
  }

  private async fingerprint(request: HttpRequest): Promise<string> {
    const sent = request.isMultipart?.()
      ? `multipart\n${await fingerprintMultipart(request, this.config.storage.uploadMaxBytes)}`
      : canonicalJson(request.body ?? null);
    return createHash('sha256').update(`${request.method} ${request.url}\n${sent}`).digest('hex');
  }
}

/** The answer as the handler returned it: Fastify has serialized it by onSend. */
function answerOf(reply: FastifyReply, payload: unknown): unknown {
  if (payload === undefined || payload === null || payload === '') return null;
  const json = String(reply.getHeader('content-type') ?? '').startsWith('application/json');
  return json && typeof payload === 'string' ? JSON.parse(payload) : payload;
}
