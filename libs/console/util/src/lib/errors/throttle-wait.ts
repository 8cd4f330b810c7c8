/**
 * How long a throttled person is told to wait, in whole minutes (at least one): a refusal's
 * `retryAfterSeconds`, else its Retry-After header; one minute when neither says.
 */
export function waitMinutes(retryAfterSeconds: unknown, retryAfterHeader: string | null | undefined): number {
  const seconds = typeof retryAfterSeconds === 'number' ? retryAfterSeconds : Number(retryAfterHeader ?? NaN);
  return Number.isFinite(seconds) && seconds > 0 ? Math.max(1, Math.ceil(seconds / 60)) : 1;
}
