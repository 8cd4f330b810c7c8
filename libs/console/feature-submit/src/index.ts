export { SUBMIT_ROUTES } from './lib/submit.routes';
