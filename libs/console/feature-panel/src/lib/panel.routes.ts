import type { Routes } from '@angular/router';

/** Mounted at `/organize/judging` (organizer, admin). */
export const PANEL_ROUTES: Routes = [
  {
    path: '',
    title: 'judging.area.title',
    loadComponent: () => import('./panel-page/panel-page.component').then((m) => m.PanelPageComponent),
  },
];
