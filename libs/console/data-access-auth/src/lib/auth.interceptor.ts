import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { DOCUMENT, inject } from '@angular/core';
import { Router } from '@angular/router';
import { API_BASE_URL, isApiUrl } from '@laurel/console-util';
import { catchError, throwError } from 'rxjs';
import { AUTH_PATHS, type SignInReason } from './auth-paths';
import { AuthSession } from './auth-session';

/**
 * Sends the bearer token to our API (and nowhere else). A 401 means the session is over, except
 * on the sign-in call itself, where it means a wrong password and the form says so.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const base = inject(API_BASE_URL);
  if (!isApiUrl(request.url, base)) return next(request);

  const session = inject(AuthSession);
  const router = inject(Router);
  const location = inject(DOCUMENT).location;
  const token = session.token();
  const sent = token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;

  return next(sent).pipe(
    catchError((error: unknown) => {
      const isLogin = request.url === `${base}/auth/login`;
      if (error instanceof HttpErrorResponse && error.status === 401 && !isLogin) {
        session.clear();
        // The address bar, not router.url: during the first navigation the router is still at '/'.
        const returnUrl = location.pathname + location.search;
        if (!returnUrl.startsWith(AUTH_PATHS.signIn)) {
          const reason: SignInReason = token ? 'expired' : 'required';
          void router.navigate([AUTH_PATHS.signIn], { queryParams: { returnUrl, reason } });
        }
      }
      return throwError(() => error);
    }),
  );
};
