import { AUDIT_ACTIONS, type ContestStatus, type Role } from '@laurel/contracts';
import { type AreaId, areaById } from '../navigation/areas';
import type { TranslationKey } from './dictionary';

// Keys built from data, checked by the compiler against the dictionary.
export const roleKey = (role: Role): TranslationKey => `roles.${role}`;
export const areaTitleKey = (id: AreaId): TranslationKey => areaById(id).keys?.title ?? (`areas.${id}.title` as TranslationKey);
export const areaDescriptionKey = (id: AreaId): TranslationKey =>
  areaById(id).keys?.description ?? (`areas.${id}.description` as TranslationKey);
export const contestStatusKey = (status: ContestStatus): TranslationKey => `contests.status.${status}`;

/** The key of an action of the audit trail (`entry.submitted` → `audit.actions.entry_submitted`), or null for one unknown to this console. */
export const auditActionKey = (action: string): TranslationKey | null =>
  (AUDIT_ACTIONS as readonly string[]).includes(action) ? (`audit.actions.${action.replace('.', '_')}` as TranslationKey) : null;
