import { MatPaginatorIntl } from '@angular/material/paginator';
import type { Routes } from '@angular/router';
import { provideOrganizeIcons } from './shared/organize-icons';
import { OrganizePaginatorIntl } from './shared/paginator-intl';

/** Under /organize/contests. */
export const ORGANIZE_CONTESTS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideOrganizeIcons()],
    children: [
      {
        path: '',
        loadComponent: () => import('./contests-page/contests-page.component').then((m) => m.OrganizeContestsPageComponent),
      },
      {
        path: ':id',
        loadComponent: () => import('./contest-editor/contest-editor-page.component').then((m) => m.ContestEditorPageComponent),
      },
    ],
  },
];

/** Under /organize/entries. */
export const ORGANIZE_ENTRIES_ROUTES: Routes = [
  {
    path: '',
    providers: [provideOrganizeIcons(), { provide: MatPaginatorIntl, useClass: OrganizePaginatorIntl }],
    children: [
      {
        path: '',
        loadComponent: () => import('./entries-page/entries-page.component').then((m) => m.EntriesPageComponent),
      },
      {
        path: ':id',
        loadComponent: () => import('./entry-page/entry-page.component').then((m) => m.EntryPageComponent),
      },
    ],
  },
];
