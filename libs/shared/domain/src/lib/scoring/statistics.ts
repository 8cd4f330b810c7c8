// Descriptive statistics over non-empty lists; an empty list is a caller's bug, not a zero.
import { known } from '../util/known';

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

export function mean(values: readonly number[]): number {
  assertNotEmpty(values);
  return sum(values) / values.length;
}

/** The middle value, or the mean of the middle two for an even count. */
export function median(values: readonly number[]): number {
  assertNotEmpty(values);
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = known(sorted[middle], 'the middle value');
  return sorted.length % 2 === 1 ? upper : (known(sorted[middle - 1], 'the value below the middle') + upper) / 2;
}

/** Standard deviation with divisor n (the values are the whole population, not a sample). */
export function populationStd(values: readonly number[]): number {
  const centre = mean(values);
  let squares = 0;
  for (const value of values) squares += (value - centre) ** 2;
  return Math.sqrt(squares / values.length);
}

/** Drops the k highest and k lowest when n > 2k, then the mean; otherwise the plain mean. */
export function trimmedMean(values: readonly number[], k: number): number {
  assertNotEmpty(values);
  if (values.length <= 2 * k) return mean(values);
  const sorted = [...values].sort((a, b) => a - b);
  return mean(sorted.slice(k, sorted.length - k));
}

function assertNotEmpty(values: readonly number[]): void {
  if (values.length === 0) throw new RangeError('statistics of an empty list');
}
