import type { Routes } from '@angular/router';

// Route titles are translation keys (I18nTitleStrategy); each page is its own lazy chunk.

/** `/organize/results`: a round's ranking, reliability and advancement (`?contest=&round=`). */
export const RESULTS_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./results-page/results-page.component').then((m) => m.ResultsPageComponent) },
];

/** `/organize/awards`: the prize proposal, confirmation and publication (`?contest=`). */
export const AWARDS_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./awards-page/awards-page.component').then((m) => m.AwardsPageComponent) },
];

/** `/results/:slug`: a contest's published results, for anyone. */
export const PUBLIC_RESULTS_ROUTES: Routes = [
  {
    path: ':slug',
    title: 'results.public.title',
    loadComponent: () => import('./public-results-page/public-results-page.component').then((m) => m.PublicResultsPageComponent),
  },
];

/** `/live/:roundId`: the live board, full screen (outside the shell). */
export const LIVE_BOARD_ROUTES: Routes = [
  {
    path: ':roundId',
    title: 'results.live.title',
    loadComponent: () => import('./live-board-page/live-board-page.component').then((m) => m.LiveBoardPageComponent),
  },
];

/** `/council` and `/council/:contestId`: a council member's votes on confirmed awards. */
export const COUNCIL_ROUTES: Routes = [
  {
    path: '',
    title: 'closing.council.myTitle',
    loadComponent: () => import('./closing/council-page.component').then((m) => m.CouncilPageComponent),
  },
  {
    path: ':contestId',
    title: 'closing.council.myTitle',
    loadComponent: () => import('./closing/council-page.component').then((m) => m.CouncilPageComponent),
  },
];

/** `/my-entries/:entryId/feedback`: an applicant's feedback after publication. */
export const FEEDBACK_ROUTES: Routes = [
  {
    path: '',
    title: 'closing.feedback.title',
    loadComponent: () => import('./closing/feedback-page.component').then((m) => m.FeedbackPageComponent),
  },
];

/** `/vote/:slug`: a contest's public ballot; `/vote/confirm#token=…`: the mailed confirmation link. */
export const VOTE_ROUTES: Routes = [
  {
    path: 'confirm',
    title: 'results.vote.confirmTitle',
    loadComponent: () => import('./vote-confirm-page/vote-confirm-page.component').then((m) => m.VoteConfirmPageComponent),
  },
  {
    path: ':slug',
    title: 'results.vote.title',
    loadComponent: () => import('./ballot-page/ballot-page.component').then((m) => m.BallotPageComponent),
  },
];
