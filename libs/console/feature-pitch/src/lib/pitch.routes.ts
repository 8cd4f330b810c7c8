import type { Routes } from '@angular/router';

// Route titles are translation keys (I18nTitleStrategy); each page is its own lazy chunk.

/** `/organize/pitch`: the rounds that can run live; `/organize/pitch/:roundId`: the control page. */
export const PITCH_ROUTES: Routes = [
  {
    path: '',
    title: 'pitch.list.title',
    loadComponent: () => import('./rounds-page/rounds-page.component').then((m) => m.PitchRoundsPageComponent),
  },
  {
    path: ':roundId',
    title: 'pitch.control.title',
    loadComponent: () => import('./control-page/control-page.component').then((m) => m.ControlPageComponent),
  },
];

/** `/stage/:roundId`: the projector board, full screen (outside the shell). */
export const STAGE_BOARD_ROUTES: Routes = [
  {
    path: ':roundId',
    title: 'pitch.board.title',
    loadComponent: () => import('./board-page/board-page.component').then((m) => m.BoardPageComponent),
  },
];
