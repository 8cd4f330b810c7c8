import { ExecutionContext, Injectable, CanActivate, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AppError, type AuthUser, IS_PUBLIC, ROLES, validationException } from '@laurel/api-core';
import type { Role } from '@laurel/contracts';
import { LoginDto } from './auth.dto';
import { JwtStrategy } from './jwt.strategy';
import { type ThrottledAction, Throttles } from './throttle/throttles';

/**
 * A route's metadata under one key as `Reflector.getAllAndOverride` reads it (the handler's, else
 * its controller's), read once per handler and controller: decorators are fixed before the first
 * request, and the global guards' four reflect-metadata lookups per request were about 1 % of a
 * judge's autosave in the API's CPU profile.
 */
class RouteMetadata<T> {
  private readonly byController = new WeakMap<object, WeakMap<object, { value: T | undefined }>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly key: string,
  ) {}

  of(context: ExecutionContext): T | undefined {
    const handler = context.getHandler();
    const controller = context.getClass();
    let handlers = this.byController.get(controller);
    if (handlers === undefined) this.byController.set(controller, (handlers = new WeakMap()));
    let known = handlers.get(handler);
    if (known === undefined)
      handlers.set(handler, (known = { value: this.reflector.getAllAndOverride<T | undefined>(this.key, [handler, controller]) }));
    return known.value;
  }
}

/**
 * Every route needs a valid bearer token unless it is marked `@Public()`. The token is checked by
 * `JwtStrategy.checkBearer` (passport-jwt's check without passport's machinery around it), and
 * its outcome goes through `handleRequest` as passport's would, so the answers are passport's.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  private readonly isPublic: RouteMetadata<boolean>;

  constructor(
    reflector: Reflector,
    private readonly jwt: JwtStrategy,
  ) {
    this.isPublic = new RouteMetadata(reflector, IS_PUBLIC);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.isPublic.of(context);
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: AuthUser }>();
    // A public route still learns who is calling when a valid token comes along.
    if (isPublic && !request.headers['authorization']) return true;
    try {
      const [error, user, info] = await this.jwt.checkBearer(request);
      request.user = this.handleRequest(error, user, info);
    } catch (refusal) {
      if (isPublic) return true;
      throw refusal;
    }
    return true;
  }

  handleRequest<T>(error: unknown, user: T | false | null | undefined, info: unknown): T {
    if (error instanceof AppError) throw error;
    // The session check could not reach the database: the error filter answers 503 (retry), not 401.
    if (error instanceof Error) throw error;
    if (error || !user) {
      const expired = info instanceof Error && info.name === 'TokenExpiredError';
      throw AppError.unauthorized(
        expired ? 'auth.token_expired' : 'auth.unauthenticated',
        expired ? 'Your session has expired. Sign in again.' : 'Please sign in to continue.',
      );
    }
    return user;
  }
}

/** Routes marked `@Roles(...)` are refused with 403 to callers holding none of the roles. */
@Injectable()
export class RolesGuard implements CanActivate {
  private readonly roles: RouteMetadata<Role[]>;

  constructor(reflector: Reflector) {
    this.roles = new RouteMetadata(reflector, ROLES);
  }

  canActivate(context: ExecutionContext): boolean {
    const required = this.roles.of(context);
    if (!required || required.length === 0) return true;
    const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (user && user.roles.some((role) => required.includes(role))) return true;
    throw AppError.forbidden('auth.role_required', `This needs the role ${required.join(' or ')}. Sign in with an account that has it.`);
  }
}

/** Checks the body before passport reads it, so a malformed login is a 400 naming the field. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const body = context.switchToHttp().getRequest<{ body?: unknown }>().body ?? {};
    const dto = plainToInstance(LoginDto, body);
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true });
    if (errors.length > 0) throw validationException(errors);
    return (await super.canActivate(context)) as boolean;
  }
}

const THROTTLED = 'laurel:throttled';

/** Names what a route's requests count for; `AddressThrottleGuard` does the counting. */
export const Throttled = (action: ThrottledAction) => SetMetadata(THROTTLED, action);

/**
 * Counts the request against its client address (Fastify's `request.ip`, which believes
 * X-Forwarded-For only as far as TRUST_PROXY says) in the shared PostgreSQL throttles.
 */
@Injectable()
export class AddressThrottleGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly throttles: Throttles,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const action = this.reflector.get<ThrottledAction | undefined>(THROTTLED, context.getHandler());
    if (!action) return true;
    await this.throttles.hit(action, context.switchToHttp().getRequest<{ ip: string }>().ip);
    return true;
  }
}
