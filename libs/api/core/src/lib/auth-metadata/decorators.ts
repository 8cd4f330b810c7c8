import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@laurel/contracts';
import type { AuthUser } from './auth-user';

export const IS_PUBLIC = 'laurel:isPublic';
export const ROLES = 'laurel:roles';

/** Opens a route to anonymous callers; every other route needs a valid token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Limits a route to callers holding one of these roles (403 otherwise). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser | undefined => context.switchToHttp().getRequest<{ user?: AuthUser }>().user,
);
