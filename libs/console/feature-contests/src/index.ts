export { ContestsPageComponent } from './lib/contests-page/contests-page.component';
