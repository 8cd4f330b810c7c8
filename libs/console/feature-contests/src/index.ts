export { ContestPageComponent } from './lib/contest-page/contest-page.component';
export { ContestsPageComponent } from './lib/contests-page/contests-page.component';
