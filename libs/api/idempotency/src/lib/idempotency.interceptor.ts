import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { from, type Observable, of, throwError } from 'rxjs';
import { catchError, mergeMap, switchMap } from 'rxjs/operators';
import { AppError, type AuthUser, laurelConfig, type LaurelConfig, withoutSecrets } from '@laurel/api-core';
import { canonicalJson, IdempotencyRepository } from '@laurel/api-database';
import { fingerprintMultipart } from './multipart-fingerprint';

type HttpRequest = FastifyRequest & { user?: AuthUser };

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
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly keys: IdempotencyRepository,
    @Inject(laurelConfig.KEY) private readonly config: LaurelConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined) return next.handle();
    const key = (Array.isArray(header) ? header[0] : header) ?? '';
    if (!KEY_PATTERN.test(key)) {
      return throwError(() =>
        AppError.badRequest('idempotency.bad_key', 'Idempotency-Key must be 1 to 200 visible ASCII characters, e.g. a UUID.'),
      );
    }
    const scope = request.user?.id ?? `anonymous ${request.ip}`;
    return from(this.fingerprint(request)).pipe(
      switchMap((requestHash) => this.keys.claim(scope, key, requestHash)),
      switchMap((claim) => {
        switch (claim.kind) {
          case 'replay':
            return of(claim.response);
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
          case 'claimed': {
            const reply = context.switchToHttp().getResponse<{ statusCode: number }>();
            return next.handle().pipe(
              mergeMap(async (body) => {
                const kept = withoutSecrets(body ?? null).value;
                await this.keys.complete(scope, key, reply.statusCode >= 200 && reply.statusCode < 300 ? reply.statusCode : 200, kept);
                return body;
              }),
              catchError((error: unknown) => from(this.keys.release(scope, key)).pipe(mergeMap(() => throwError(() => error)))),
            );
          }
        }
      }),
    );
  }

  private async fingerprint(request: HttpRequest): Promise<string> {
    const sent = request.isMultipart?.()
      ? `multipart\n${await fingerprintMultipart(request, this.config.storage.uploadMaxBytes)}`
      : canonicalJson(request.body ?? null);
    return createHash('sha256').update(`${request.method} ${request.url}\n${sent}`).digest('hex');
  }
}
