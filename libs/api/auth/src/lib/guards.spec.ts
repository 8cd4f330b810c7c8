import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError, IS_PUBLIC, ROLES } from '@laurel/api-core';
import type { Role } from '@laurel/contracts';
import { JwtAuthGuard, RolesGuard } from './guards';

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
    await expect(Promise.resolve(new JwtAuthGuard(reflector).canActivate(context))).resolves.toBe(true);
  });

  it('turns a missing user into 401 with a sign-in message', () => {
    const sut = new JwtAuthGuard(new Reflector());
    expect(() => sut.handleRequest(null, false, undefined)).toThrow(/Please sign in/);
  });

  it('says so when the token has expired', () => {
    const expired = Object.assign(new Error('jwt expired'), { name: 'TokenExpiredError' });
    try {
      new JwtAuthGuard(new Reflector()).handleRequest(null, false, expired);
      throw new Error('not refused');
    } catch (error) {
      expect((error as AppError).getStatus()).toBe(401);
      expect((error as AppError).code).toBe('auth.token_expired');
    }
  });
});
