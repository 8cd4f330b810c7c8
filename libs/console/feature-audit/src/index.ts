export { AUDIT_ROUTES } from './lib/audit.routes';
