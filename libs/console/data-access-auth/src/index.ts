export { AFTER_VERIFY_KEY, AUTH_PATHS, safeReturnUrl, type SignInReason } from './lib/auth-paths';
export { authGuard, guestGuard, roleGuard } from './lib/auth.guards';
export { authInterceptor } from './lib/auth.interceptor';
export { AuthStore, type AuthOutcome, type SignUpOutcome } from './lib/auth.store';
export { AuthApi } from './lib/auth.api';
export { AccountApi } from './lib/account.api';
export { UsersApi } from './lib/users.api';
export { AccountStore, type AccountOutcome } from './lib/account.store';
