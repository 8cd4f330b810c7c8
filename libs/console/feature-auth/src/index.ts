export { SignInPageComponent } from './lib/sign-in/sign-in-page.component';
export { SignUpPageComponent } from './lib/sign-up/sign-up-page.component';
export { ForgotPasswordPageComponent } from './lib/password/forgot-password-page.component';
export { ResetPasswordPageComponent } from './lib/password/reset-password-page.component';
export { AccountPageComponent } from './lib/account/account-page.component';
export { MailboxPageComponent } from './lib/mailbox/mailbox-page.component';
export { VerifyEmailPageComponent } from './lib/verify/verify-email-page.component';
