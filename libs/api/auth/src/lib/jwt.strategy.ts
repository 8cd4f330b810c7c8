import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppError, type AuthUser, laurelConfig, type LaurelConfig } from '@laurel/api-core';
import { ROLES, type Role } from '@laurel/contracts';
import type { JwtClaims } from './auth.service';
import { SessionCheck } from './session-check';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(laurelConfig.KEY) config: LaurelConfig,
    private readonly sessions: SessionCheck,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject: given a string, jsonwebtoken first tries (and fails) to read it as a public
      // key on every request, which costs about 2 ms each.
      // (jsonwebtoken accepts a KeyObject; passport-jwt's types predate that.)
      secretOrKey: createSecretKey(Buffer.from(config.auth.jwtSecret)) as unknown as Buffer,
      // Pinned: a token signed with another algorithm (or `none`) is refused outright.
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  /** A valid signature is not enough: the token's session version must still be the account's. */
  async validate(claims: Partial<JwtClaims>): Promise<AuthUser | false> {
    const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is Role => ROLES.includes(r as Role)) : [];
    if (typeof claims.sub !== 'string' || typeof claims.email !== 'string' || roles.length === 0) return false;
    if (typeof claims.sv !== 'number' || !Number.isInteger(claims.sv)) return false;
    if (!(await this.sessions.isCurrent(claims.sub, claims.sv))) {
      throw AppError.unauthorized(
        'auth.session_ended',
        'This session has ended: the password was changed, or the account signed out everywhere or changed roles. Sign in again.',
      );
    }
    return { id: claims.sub, email: claims.email, displayName: String(claims.name ?? ''), roles, sessionVersion: claims.sv };
  }
}
