import type { Routes } from '@angular/router';

/** `/admin/users`: the administrator's people management. */
export const USERS_ROUTES: Routes = [{ path: '', loadComponent: () => import('./users-page.component').then((m) => m.UsersPageComponent) }];
