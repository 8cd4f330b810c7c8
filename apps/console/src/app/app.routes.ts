import { inject } from '@angular/core';
import type { Route, Routes } from '@angular/router';
import { AuthStore, authGuard, guestGuard, roleGuard } from '@laurel/console-data-access-auth';
import { type AreaId, areaById, areaTitleKey } from '@laurel/console-util';

/** An area a later release builds: the real path and role guard, a "coming soon" page for now. */
function comingSoon(id: AreaId): Route {
  const area = areaById(id);
  const roles = Array.isArray(area.audience) ? area.audience : [];
  return {
    path: area.path.slice(1),
    title: areaTitleKey(id),
    canActivate: [roleGuard(roles)],
    data: { area: id },
    loadComponent: () => import('@laurel/console-feature-dashboard').then((m) => m.ComingSoonPageComponent),
  };
}

// Route titles are translation keys (I18nTitleStrategy). Every page is lazy.
export const appRoutes: Routes = [
  {
    // The live board fills a projector screen: no toolbar, no navigation.
    path: 'live',
    canActivate: [roleGuard(['organizer', 'admin'])],
    loadChildren: () => import('@laurel/console-feature-results').then((m) => m.LIVE_BOARD_ROUTES),
  },
  {
    // The pitch-day board on the hall's projector, likewise full screen.
    path: 'stage',
    canActivate: [roleGuard(['organizer', 'admin'])],
    loadChildren: () => import('@laurel/console-feature-pitch').then((m) => m.STAGE_BOARD_ROUTES),
  },
  {
    path: '',
    loadComponent: () => import('@laurel/console-feature-shell').then((m) => m.ShellComponent),
    children: [
      {
        // Signed-out visitors start at the public contest list, everybody else at their dashboard.
        path: '',
        pathMatch: 'full',
        redirectTo: () => (inject(AuthStore).isSignedIn() ? 'dashboard' : 'contests'),
      },
      {
        path: 'sign-in',
        title: 'auth.signIn.title',
        canActivate: [guestGuard],
        loadComponent: () => import('@laurel/console-feature-auth').then((m) => m.SignInPageComponent),
      },
      {
        path: 'sign-up',
        title: 'auth.signUp.title',
        canActivate: [guestGuard],
        loadComponent: () => import('@laurel/console-feature-auth').then((m) => m.SignUpPageComponent),
      },
      {
        path: 'forgot-password',
        title: 'auth.forgot.title',
        loadComponent: () => import('@laurel/console-feature-auth').then((m) => m.ForgotPasswordPageComponent),
      },
      {
        // No guest guard: a signed-in person who forgot the password of another account may use a link too.
        path: 'reset-password',
        title: 'auth.reset.title',
        loadComponent: () => import('@laurel/console-feature-auth').then((m) => m.ResetPasswordPageComponent),
      },
      {
        // No guest guard: the link of the confirmation mail signs its holder in, whoever was signed in.
        path: 'verify-email',
        title: 'auth.verify.title',
        loadComponent: () => import('@laurel/console-feature-auth').then((m) => m.VerifyEmailPageComponent),
      },
      {
        path: 'contests',
        title: 'areas.contests.title',
        loadComponent: () => import('@laurel/console-feature-contests').then((m) => m.ContestsPageComponent),
      },
      {
        path: 'contests/:slug',
        title: 'areas.contests.title',
        loadComponent: () => import('@laurel/console-feature-contests').then((m) => m.ContestPageComponent),
      },
      {
        path: 'dashboard',
        title: 'areas.dashboard.title',
        canActivate: [authGuard],
        loadComponent: () => import('@laurel/console-feature-dashboard').then((m) => m.DashboardPageComponent),
      },
      {
        // Before my-entries' own routes: the feedback page of one entry after publication.
        path: 'my-entries/:entryId/feedback',
        canActivate: [roleGuard(['applicant'])],
        loadChildren: () => import('@laurel/console-feature-results').then((m) => m.FEEDBACK_ROUTES),
      },
      {
        path: 'council',
        canActivate: [roleGuard(['judge', 'organizer', 'admin'])],
        loadChildren: () => import('@laurel/console-feature-results').then((m) => m.COUNCIL_ROUTES),
      },
      {
        path: 'my-entries',
        title: 'areas.myEntries.title',
        canActivate: [roleGuard(['applicant'])],
        loadChildren: () => import('@laurel/console-feature-submit').then((m) => m.SUBMIT_ROUTES),
      },
      {
        path: 'judging',
        canActivate: [roleGuard(['judge'])],
        data: { area: 'judging' },
        loadChildren: () => import('@laurel/console-feature-judging').then((m) => m.JUDGING_ROUTES),
      },
      {
        path: 'organize/judging',
        canActivate: [roleGuard(['organizer', 'admin'])],
        data: { area: 'judgingPanel' },
        loadChildren: () => import('@laurel/console-feature-panel').then((m) => m.PANEL_ROUTES),
      },
      {
        path: 'invitations/accept',
        title: 'judging.invite.title',
        loadComponent: () => import('@laurel/console-feature-judging').then((m) => m.AcceptInvitePageComponent),
      },
      {
        path: 'organize/contests',
        title: areaTitleKey('contestEditor'),
        canActivate: [roleGuard(['organizer', 'admin'])],
        loadChildren: () => import('@laurel/console-feature-organize').then((m) => m.ORGANIZE_CONTESTS_ROUTES),
      },
      {
        path: 'organize/entries',
        title: areaTitleKey('entries'),
        canActivate: [roleGuard(['organizer', 'admin'])],
        loadChildren: () => import('@laurel/console-feature-organize').then((m) => m.ORGANIZE_ENTRIES_ROUTES),
      },
      {
        path: 'organize/results',
        title: 'areas.results.title',
        canActivate: [roleGuard(['organizer', 'admin'])],
        loadChildren: () => import('@laurel/console-feature-results').then((m) => m.RESULTS_ROUTES),
      },
      {
        path: 'organize/awards',
        title: 'areas.awards.title',
        canActivate: [roleGuard(['organizer', 'admin'])],
        loadChildren: () => import('@laurel/console-feature-results').then((m) => m.AWARDS_ROUTES),
      },
      {
        path: 'organize/pitch',
        canActivate: [roleGuard(['organizer', 'admin'])],
        data: { area: 'pitch' },
        loadChildren: () => import('@laurel/console-feature-pitch').then((m) => m.PITCH_ROUTES),
      },
      {
        path: 'results',
        loadChildren: () => import('@laurel/console-feature-results').then((m) => m.PUBLIC_RESULTS_ROUTES),
      },
      {
        path: 'vote',
        loadChildren: () => import('@laurel/console-feature-results').then((m) => m.VOTE_ROUTES),
      },
      {
        path: 'audit',
        title: areaTitleKey('audit'),
        canActivate: [roleGuard(['organizer', 'admin'])],
        loadChildren: () => import('@laurel/console-feature-audit').then((m) => m.AUDIT_ROUTES),
      },
      {
        path: 'account',
        title: 'account.page.title',
        canActivate: [authGuard],
        loadComponent: () => import('@laurel/console-feature-auth').then((m) => m.AccountPageComponent),
      },
      {
        path: 'admin/mail',
        title: areaTitleKey('mailbox'),
        canActivate: [roleGuard(['admin'])],
        data: { area: 'mailbox' },
        loadComponent: () => import('@laurel/console-feature-auth').then((m) => m.MailboxPageComponent),
      },
      {
        path: 'admin/users',
        title: areaTitleKey('users'),
        canActivate: [roleGuard(['admin'])],
        loadChildren: () => import('@laurel/console-feature-users').then((m) => m.USERS_ROUTES),
      },
      comingSoon('settings'),
      {
        path: '**',
        title: 'notFound.title',
        loadComponent: () => import('@laurel/console-feature-shell').then((m) => m.NotFoundPageComponent),
      },
    ],
  },
];
