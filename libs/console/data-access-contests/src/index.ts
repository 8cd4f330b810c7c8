export { ContestsStore } from './lib/contests.store';
