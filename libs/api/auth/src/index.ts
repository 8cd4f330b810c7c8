export * from './lib/auth.module';
export * from './lib/auth.service';
export * from './lib/guards';
export { Throttles, type ThrottledAction } from './lib/throttle/throttles';
export { AccountInvitations } from './lib/account-invitations.service';
