import type { Routes } from '@angular/router';

/** `/audit?contest=…`: a contest's audit trail, its filters and the hash-chain verification. */
export const AUDIT_ROUTES: Routes = [{ path: '', loadComponent: () => import('./audit-page.component').then((m) => m.AuditPageComponent) }];
