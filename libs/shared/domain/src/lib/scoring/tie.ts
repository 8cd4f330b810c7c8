/** Two numbers closer than this are equal for ranking and for every tie-break (DESIGN). */
export const TIE_EPSILON = 1e-9;

export function isTie(a: number, b: number): boolean {
  return Math.abs(a - b) < TIE_EPSILON;
}

export function compareIds(a: string, b: string): number {
  // Code-unit order, not localeCompare: the output must not depend on the server's locale.
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Sorts by key, highest first, and cuts the list wherever two neighbours differ by at least
 * TIE_EPSILON. Ties are chained between neighbours (single linkage): |Δ| < ε is not transitive,
 * and chaining is the only grouping that never depends on where a group happens to start.
 */
export function splitDescending<T>(items: readonly T[], key: (item: T) => number, id: (item: T) => string): T[][] {
  const sorted = [...items].sort((a, b) => key(b) - key(a) || compareIds(id(a), id(b)));
  const groups: T[][] = [];
  let previous: number | undefined;
  for (const item of sorted) {
    const value = key(item);
    const current = groups[groups.length - 1];
    if (current !== undefined && previous !== undefined && isTie(previous, value)) {
      current.push(item);
    } else {
      groups.push([item]);
    }
    previous = value;
  }
  return groups;
}
