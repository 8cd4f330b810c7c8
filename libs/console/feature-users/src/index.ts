export { USERS_ROUTES } from './lib/users.routes';
