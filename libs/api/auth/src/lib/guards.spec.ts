import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { sign } from 'jsonwebtoken';
import { AppError, type AuthUser, IS_PUBLIC, type LaurelConfig, ROLES } from '@laurel/api-core';
import type { Role } from '@laurel/contracts';
import { JwtAuthGuard, RolesGuard } from './guards';
import { JwtStrategy } from './jwt.strategy';
import type { SessionCheck } from './session-check';

const SECRET = 'guard-spec-secret-guard-spec-secret-0123';

/** A real strategy over a session check that answers `current` (or throws it when an Error). */
function strategy(current: boolean | Error = true): JwtStrategy {
  const sessions = {
    isCurrent: () => (current instanceof Error ? Promise.reject(current) : Promise.resolve(current)),
  } as unknown as SessionCheck;
  return new JwtStrategy({ auth: { jwtSecret: SECRET } } as LaurelConfig, sessions);
}

const claims = { sub: 'u1', email: 'judge@dhhp.edu.vn', name: 'An', roles: ['judge'], sv: 3 };
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } as Record<string, string | undefined> });

function contextWith(metadata: Record<string, unknown>, request: object): { context: ExecutionContext; reflector: Reflector } {
  const handler = () => undefined;
  for (const [key, value] of Object.entries(metadata)) Reflect.defineMetadata(key, value, handler);
  const context = {
    getHandler: () => handler,
    getClass: () => class Controller {},
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => ({}) }),
  } as unknown as ExecutionContext;
  return { context, reflector: new Reflector() };
}

const user = (roles: Role[]) => ({ id: 'u1', email: 'a@b.vn', displayName: 'A', roles });

describe(RolesGuard.name, () => {
  it('lets any signed-in caller through a route without @Roles', () => {
    const { context, reflector } = contextWith({}, { user: user(['applicant']) });
    expect(new RolesGuard(reflector).canActivate(context)).toBe(true);
  });

  it('lets a caller holding one of the roles through', () => {
    const { context, reflector } = contextWith({ [ROLES]: ['organizer', 'admin'] }, { user: user(['admin']) });
    expect(new RolesGuard(reflector).canActivate(context)).toBe(true);
  });

  it('refuses a caller holding none of the roles with 403 and says which role is needed', () => {
    const { context, reflector } = contextWith({ [ROLES]: ['organizer'] }, { user: user(['applicant']) });
    const sut = new RolesGuard(reflector);
    expect(() => sut.canActivate(context)).toThrow(AppError);
    try {
      sut.canActivate(context);
    } catch (error) {
      expect((error as AppError).getStatus()).toBe(403);
      expect((error as AppError).message).toMatch(/organizer/);
    }
  });

  it('refuses an anonymous caller on a role route', () => {
    const { context, reflector } = contextWith({ [ROLES]: ['judge'] }, {});
    expect(() => new RolesGuard(reflector).canActivate(context)).toThrow(/judge/);
  });
});

describe(JwtAuthGuard.name, () => {
  it('lets an anonymous caller through a @Public() route', async () => {
    const { context, reflector } = contextWith({ [IS_PUBLIC]: true }, { headers: {} });
    await expect(Promise.resolve(new JwtAuthGuard(reflector, strategy()).canActivate(context))).resolves.toBe(true);
  });

  it('turns a missing user into 401 with a sign-in message', () => {
    const sut = new JwtAuthGuard(new Reflector(), strategy());
    expect(() => sut.handleRequest(null, false, undefined)).toThrow(/Please sign in/);
  });

  it('says so when the token has expired', () => {
    const expired = Object.assign(new Error('jwt expired'), { name: 'TokenExpiredError' });
    try {
      new JwtAuthGuard(new Reflector(), strategy()).handleRequest(null, false, expired);
      throw new Error('not refused');
    } catch (error) {
      expect((error as AppError).getStatus()).toBe(401);
      expect((error as AppError).code).toBe('auth.token_expired');
    }
  });

  /** The guard's answer for `request` on a route (public or not): the user it set, or the refusal. */
  async function outcome(
    request: { headers: Record<string, string | undefined>; user?: AuthUser },
    guard = new JwtAuthGuard(new Reflector(), strategy()),
    isPublic = false,
  ) {
    const { context } = contextWith(isPublic ? { [IS_PUBLIC]: true } : {}, request);
    try {
      await guard.canActivate(context);
      return { user: request.user };
    } catch (error) {
      return { status: (error as AppError).getStatus?.(), code: (error as AppError).code, error };
    }
  }

  it('lets a valid token through and sets the user from its claims', async () => {
    const request = bearer(sign(claims, SECRET, { algorithm: 'HS256', expiresIn: 60 }));
    expect(await outcome(request)).toEqual({
      user: { id: 'u1', email: 'judge@dhhp.edu.vn', displayName: 'An', roles: ['judge'], sessionVersion: 3 },
    });
  });

  it('refuses a missing, foreign, unsigned or malformed token with 401 auth.unauthenticated', async () => {
    const refusals = [
      { headers: {} },
      { headers: { authorization: 'Basic dXNlcjpwYXNz' } },
      bearer(sign(claims, 'another-secret-another-secret-0123456', { algorithm: 'HS256' })),
      bearer(sign(claims, SECRET, { algorithm: 'HS512' })),
      bearer(sign(claims, '', { algorithm: 'none' })),
      bearer('not.a.token'),
      // Signed, but without the claims a Laurel token carries.
      bearer(sign({ sub: 'u1' }, SECRET, { algorithm: 'HS256' })),
    ];
    for (const request of refusals) expect(await outcome(request)).toMatchObject({ status: 401, code: 'auth.unauthenticated' });
  });

  it('says a token has expired once it has, also after it was verified while valid', async () => {
    const guard = new JwtAuthGuard(new Reflector(), strategy());
    const now = Date.now();
    const token = sign({ ...claims, exp: Math.floor(now / 1000) + 2 }, SECRET, { algorithm: 'HS256' });
    expect((await outcome(bearer(token), guard)).user).toMatchObject({ id: 'u1' });
    expect((await outcome(bearer(token), guard)).user).toMatchObject({ id: 'u1' });
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now + 3000);
    try {
      expect(await outcome(bearer(token), guard)).toMatchObject({ status: 401, code: 'auth.token_expired' });
    } finally {
      clock.mockRestore();
    }
    // A token differing from a verified one in its signature alone is checked, and refused.
    const forged = `${token.slice(0, token.lastIndexOf('.') + 1)}${'A'.repeat(43)}`;
    expect(await outcome(bearer(forged), guard)).toMatchObject({ status: 401, code: 'auth.unauthenticated' });
  });

  it('says an expired token has expired', async () => {
    const request = bearer(sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 10 }, SECRET, { algorithm: 'HS256' }));
    expect(await outcome(request)).toMatchObject({ status: 401, code: 'auth.token_expired' });
  });

  it('refuses a token whose session has ended, and passes on a failed session check (503, not 401)', async () => {
    const token = sign(claims, SECRET, { algorithm: 'HS256', expiresIn: 60 });
    expect(await outcome(bearer(token), new JwtAuthGuard(new Reflector(), strategy(false)))).toMatchObject({
      status: 401,
      code: 'auth.session_ended',
    });
    const down = new Error('connect ECONNREFUSED');
    expect((await outcome(bearer(token), new JwtAuthGuard(new Reflector(), strategy(down)))).error).toBe(down);
  });

  it('asks the session check on every request of a token it already knows, and hands each the same frozen user', async () => {
    let current = true;
    const asked: Array<[string, number]> = [];
    const sessions = {
      isCurrent: (id: string, sv: number) => {
        asked.push([id, sv]);
        return Promise.resolve(current);
      },
    } as unknown as SessionCheck;
    const guard = new JwtAuthGuard(new Reflector(), new JwtStrategy({ auth: { jwtSecret: SECRET } } as LaurelConfig, sessions));
    const token = sign(claims, SECRET, { algorithm: 'HS256', expiresIn: 60 });
    const first = await outcome(bearer(token), guard);
    const second = await outcome(bearer(token), guard);
    expect(second.user).toBe(first.user);
    expect(Object.isFrozen(first.user) && Object.isFrozen(first.user?.roles)).toBe(true);
    current = false;
    expect(await outcome(bearer(token), guard)).toMatchObject({ status: 401, code: 'auth.session_ended' });
    expect(asked).toEqual([
      ['u1', 3],
      ['u1', 3],
      ['u1', 3],
    ]);
  });

  it('on a public route, learns the caller from a valid token and ignores a bad one', async () => {
    const valid = bearer(sign(claims, SECRET, { algorithm: 'HS256', expiresIn: 60 }));
    expect((await outcome(valid, undefined, true)).user).toMatchObject({ id: 'u1' });
    expect(await outcome(bearer('not.a.token'), undefined, true)).toEqual({ user: undefined });
    const ended = bearer(sign(claims, SECRET, { algorithm: 'HS256', expiresIn: 60 }));
    expect(await outcome(ended, new JwtAuthGuard(new Reflector(), strategy(false)), true)).toEqual({ user: undefined });
  });
});
