import type { Role } from '@laurel/contracts';

/** Who is calling, as the JWT says. Services decide access from this and the resource. */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  /** The session version the token carries (`sv`); absent on callers built without a token. */
  sessionVersion?: number;
}

export function hasRole(user: AuthUser | undefined, ...roles: Role[]): boolean {
  return !!user && user.roles.some((role) => roles.includes(role));
}
