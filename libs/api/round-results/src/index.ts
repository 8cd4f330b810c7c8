/**
 * @laurel/api-round-results: a round's results for every API feature that shows or uses them.
 * Import RoundResultsModule into the feature's module and inject RoundResultsService; never
 * compute or map results from ResultsRepository's rows yourself.
 */
export * from './lib/round-results.module';
export * from './lib/round-results.service';
export { holdsVote } from './lib/round-view';
