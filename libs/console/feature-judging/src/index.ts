export { JUDGING_ROUTES } from './lib/judging.routes';
export { AcceptInvitePageComponent } from './lib/accept-invite/accept-invite-page.component';
