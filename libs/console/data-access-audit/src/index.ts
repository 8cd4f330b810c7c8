export { AuditApi, type AuditFilter } from './lib/audit.api';
