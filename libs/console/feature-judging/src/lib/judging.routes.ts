import type { Routes } from '@angular/router';

/** Mounted at `/judging` (role judge). */
export const JUDGING_ROUTES: Routes = [
  {
    path: '',
    title: 'areas.judging.title',
    loadComponent: () => import('./assignments-page/assignments-page.component').then((m) => m.AssignmentsPageComponent),
  },
  {
    path: ':assignmentId',
    title: 'judging.score.title',
    loadComponent: () => import('./scoring-page/scoring-page.component').then((m) => m.ScoringPageComponent),
  },
];
