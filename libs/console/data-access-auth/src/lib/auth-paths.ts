/** The console's auth routes, shared by the guards, the interceptor and the pages. */
export const AUTH_PATHS = {
  signIn: '/sign-in',
  signUp: '/sign-up',
  /** Where a person lands after signing in. */
  home: '/dashboard',
} as const;

/** Where a person who signed up wanted to go, kept until the mailed confirmation link is opened (maybe in a new tab). */
export const AFTER_VERIFY_KEY = 'laurel.afterVerify';

/** Why the sign-in page was opened, for the sentence it shows. */
export type SignInReason = 'required' | 'expired';

/**
 * A `returnUrl` we may navigate to: a path inside the console, never another origin
 * (`//evil.example`, `/\evil.example`) and never the auth pages themselves.
 */
export function safeReturnUrl(url: string | null | undefined): string {
  if (!url || !url.startsWith('/') || url.startsWith('//') || url.startsWith('/\\')) return AUTH_PATHS.home;
  if (url.startsWith(AUTH_PATHS.signIn) || url.startsWith(AUTH_PATHS.signUp)) return AUTH_PATHS.home;
  return url;
}
