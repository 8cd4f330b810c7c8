import { inject } from '@angular/core';
import { type CanActivateFn, Router, type UrlTree } from '@angular/router';
import type { Role } from '@laurel/contracts';
import { AUTH_PATHS, type SignInReason } from './auth-paths';
import { AuthSession } from './auth-session';

/** Pages that need a session; a visitor goes to sign in and comes back afterwards. */
export const authGuard: CanActivateFn = (_route, state) => inject(AuthSession).isSignedIn() || signInFirst(state.url, 'required');

/** The sign-in and sign-up pages: someone already signed in goes to the dashboard instead. */
export const guestGuard: CanActivateFn = () => !inject(AuthSession).isSignedIn() || inject(Router).parseUrl(AUTH_PATHS.home);

/**
 * Areas for some roles only. Without one of them the dashboard opens with `?denied=<path>`,
 * and says which role the area needs.
 */
export function roleGuard(roles: readonly Role[]): CanActivateFn {
  return (_route, state) => {
    const session = inject(AuthSession);
    if (!session.isSignedIn()) return signInFirst(state.url, 'required');
    if (session.user()?.roles.some((role) => roles.includes(role))) return true;
    const denied = state.url.split(/[?#]/)[0];
    return inject(Router).createUrlTree([AUTH_PATHS.home], { queryParams: { denied } });
  };
}

function signInFirst(returnUrl: string, reason: SignInReason): UrlTree {
  return inject(Router).createUrlTree([AUTH_PATHS.signIn], { queryParams: { returnUrl, reason } });
}
