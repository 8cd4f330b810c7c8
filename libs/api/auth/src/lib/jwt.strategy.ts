import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { PassportStrategy } from '@nestjs/passport';
import { verify, type VerifyOptions } from 'jsonwebtoken';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppError, type AuthUser, evictOldest, laurelConfig, type LaurelConfig } from '@laurel/api-core';
import { ROLES, type Role } from '@laurel/contracts';
import type { JwtClaims } from './auth.service';
import { SessionCheck } from './session-check';

/** The bearer token of the `authorization` header, read as passport-jwt reads it. */
const bearerToken = ExtractJwt.fromAuthHeaderAsBearerToken();

/** How many verified tokens a process keeps (a few hundred judges hold one each). */
const VERIFIED_TOKENS_MAX = 10_000;

/** Pinned: a token signed with another algorithm (or `none`) is refused outright. */
const VERIFY_OPTIONS = { algorithms: ['HS256'], ignoreExpiration: false } satisfies VerifyOptions;

/**
 * What checking a request's bearer token gave, as passport hands it to `JwtAuthGuard.handleRequest`:
 * an error (the session check failed or refused), the user (false when refused) and the reason
 * of a refusal (`TokenExpiredError`, `JsonWebTokenError`, no token).
 */
export type BearerCheck = [error: unknown, user: AuthUser | false, info: unknown];

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  private readonly key: KeyObject;
  private readonly verifiedTokens = new Map<string, VerifiedToken>();

  constructor(
    @Inject(laurelConfig.KEY) config: LaurelConfig,
    private readonly sessions: SessionCheck,
  ) {
    // A KeyObject: given a string, jsonwebtoken first tries (and fails) to read it as a public
    // key on every request, which costs about 2 ms each.
    const key = createSecretKey(Buffer.from(config.auth.jwtSecret));
    super({
      jwtFromRequest: bearerToken,
      // (jsonwebtoken accepts a KeyObject; passport-jwt's types predate that.)
      secretOrKey: key as unknown as Buffer,
      ...VERIFY_OPTIONS,
    });
    this.key = key;
  }

  /**
   * The check passport-jwt makes on every request (the same header parsing, jsonwebtoken's verify
   * with the same key and options, then `validate`), called directly by `JwtAuthGuard`: passport's
   * per-request strategy object, callbacks and promise cost about a twentieth of a judge's
   * autosave in the API's CPU profile. The answer is passport's callback arguments.
   */
  async checkBearer(request: { headers: Record<string, string | string[] | undefined> }): Promise<BearerCheck> {
    const token = bearerToken(request as unknown as Parameters<typeof bearerToken>[0]);
    if (!token) return [null, false, new Error('No auth token')];
    let user = this.verified(token);
    if (user === undefined) {
      let claims: unknown;
      try {
        claims = verify(token, this.key, VERIFY_OPTIONS);
      } catch (refusal) {
        return [null, false, refusal];
      }
      user = this.remember(token, claims);
    }
    try {
      return [null, await this.current(user), undefined];
    } catch (error) {
      return [error, false, undefined];
    }
  }

  /**
   * The caller a token whose signature this process already verified names (false when its claims
   * name none), while it has not expired by jsonwebtoken's own rule (expired from the second `exp`
   * names); undefined otherwise, and then jsonwebtoken checks it again (and says why it is
   * refused). A judge's tablet sends the same token every autosave: its HMAC, base64 and JSON, and
   * what its claims say, need working out once. The key is the whole token, so only the very bytes
   * that were verified match. The session check still runs on every request.
   */
  private verified(token: string): TokenUser | undefined {
    const known = this.verifiedTokens.get(token);
    if (known === undefined) return undefined;
    if (Math.floor(Date.now() / 1000) < known.exp) return known.user;
    this.verifiedTokens.delete(token);
    return undefined;
  }

  /**
   * The caller a verified token's claims name, kept when the token has an expiry and no
   * not-before (at most 10,000, oldest out first).
   */
  private remember(token: string, claims: unknown): TokenUser {
    const user = userOf(claims);
    if (typeof claims !== 'object' || claims === null) return user;
    const { exp, nbf } = claims as { exp?: unknown; nbf?: unknown };
    if (typeof exp !== 'number' || nbf !== undefined) return user;
    evictOldest(this.verifiedTokens, VERIFIED_TOKENS_MAX);
    this.verifiedTokens.set(token, { user, exp });
    return user;
  }

  /** A valid signature is not enough: the token's session version must still be the account's. */
  async validate(claims: Partial<JwtClaims>): Promise<AuthUser | false> {
    return this.current(userOf(claims));
  }

  /** The token's caller while its session version is still the account's; 401 `auth.session_ended` once it is not. */
  private async current(user: TokenUser): Promise<AuthUser | false> {
    if (!user) return false;
    if (!(await this.sessions.isCurrent(user.id, user.sessionVersion))) {
      throw AppError.unauthorized(
        'auth.session_ended',
        'This session has ended: the password was changed, or the account signed out everywhere or changed roles. Sign in again.',
      );
    }
    return user;
  }
}

/** The caller of a token: its claims as an AuthUser, or false when they do not name one. */
type TokenUser = (AuthUser & { sessionVersion: number }) | false;

/** A verified token: whom it names, and the second it expires. */
interface VerifiedToken {
  user: TokenUser;
  exp: number;
}

/**
 * The caller a token's claims name: a subject, an e-mail, at least one known role and a whole
 * session version, or false. Frozen, as every request of the token is handed the same object.
 */
function userOf(payload: unknown): TokenUser {
  if (typeof payload !== 'object' || payload === null) return false;
  const claims = payload as Partial<JwtClaims>;
  const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is Role => ROLES.includes(r as Role)) : [];
  if (typeof claims.sub !== 'string' || typeof claims.email !== 'string' || roles.length === 0) return false;
  if (typeof claims.sv !== 'number' || !Number.isInteger(claims.sv)) return false;
  Object.freeze(roles);
  return Object.freeze({ id: claims.sub, email: claims.email, displayName: String(claims.name ?? ''), roles, sessionVersion: claims.sv });
}
