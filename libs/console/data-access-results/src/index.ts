export { AwardsStore, type ActionOutcome } from './lib/awards.store';
export { FileDownloader, type DownloadOutcome, type DownloadProgress } from './lib/download';
export { LiveBoardStore, type LiveConnection } from './lib/live-board';
export { PublicResultsStore } from './lib/public-results.store';
export { RoundResultsStore, type AdvanceOutcome } from './lib/results.store';
export { ResultsApi } from './lib/results.api';
export { BallotStore, VoteCountsStore, type VoteOutcome } from './lib/vote.store';
