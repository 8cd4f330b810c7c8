/**
 * Thrown when the data handed to the scoring core breaks one of its preconditions (a sheet for
 * an entry outside the round, two sheets of one judge for one entry, an invalid submitted
 * value, …). Such data means a bug or a corrupted row upstream; scoring it anyway could pay the
 * wrong team, so the core refuses instead of guessing.
 */
export class ScoringInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScoringInputError';
  }
}
