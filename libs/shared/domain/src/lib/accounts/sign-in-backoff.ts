/** Failed sign-ins of one account, within an hour, that cost nothing: a person mistyping. */
export const FREE_SIGN_IN_FAILURES = 4;
/** The first wait once the free failures are spent; each further failure doubles it. */
export const FIRST_LOCK_SECONDS = 30;
/** The longest wait: a person who forgot the password is never shut out longer (and may reset it meanwhile). */
export const MAX_LOCK_SECONDS = 15 * 60;

/**
 * How long an account refuses sign-ins after its `failures`-th failure within the hour: nothing
 * for the first four, then 30 s, 60 s, 120 s, … up to 15 minutes. A guesser gets about a dozen
 * tries an hour per account whatever addresses it comes from; the owner waits at most 15 minutes.
 */
export function signInLockSeconds(failures: number): number {
  if (!Number.isFinite(failures) || failures <= FREE_SIGN_IN_FAILURES) return 0;
  const doublings = Math.min(failures - FREE_SIGN_IN_FAILURES - 1, 30);
  return Math.min(FIRST_LOCK_SECONDS * 2 ** doublings, MAX_LOCK_SECONDS);
}
