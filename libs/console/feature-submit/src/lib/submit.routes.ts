import type { Routes } from '@angular/router';

/** `/my-entries`: the list, a new entry, and one entry in its stepper. */
export const SUBMIT_ROUTES: Routes = [
  {
    path: '',
    loadComponent: () => import('./my-entries-page/my-entries-page.component').then((m) => m.MyEntriesPageComponent),
  },
  {
    path: 'new',
    title: 'submit.start.title',
    loadComponent: () => import('./start-entry-page/start-entry-page.component').then((m) => m.StartEntryPageComponent),
  },
  {
    path: ':id',
    loadComponent: () => import('./entry-page/entry-page.component').then((m) => m.EntryPageComponent),
  },
];
