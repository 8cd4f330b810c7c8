/**
 * A value the caller knows is there: looked up by a key taken from the same collection, or read
 * at an index just bounded by its length. Missing means a bug in Laurel, never bad input, so this
 * throws an internal error that names what was missing instead of letting `undefined` travel on
 * into a total or a rank. One helper for the whole repository (domain, API and console).
 */
export function known<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new MissingValueError(what);
  return value;
}

export class MissingValueError extends Error {
  constructor(what: string) {
    super(`Internal error: ${what} is missing; this is a bug in Laurel, not in the data.`);
    this.name = 'MissingValueError';
  }
}
