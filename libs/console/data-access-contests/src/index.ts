export { ContestsApi } from './lib/contests.api';
export { ContestsStore } from './lib/contests.store';
export { MyContestsStore } from './lib/my-contests.store';
