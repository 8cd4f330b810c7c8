export { SignInPageComponent } from './lib/sign-in/sign-in-page.component';
export { SignUpPageComponent } from './lib/sign-up/sign-up-page.component';
