import type { ContestStatus, Role } from '@laurel/contracts';
import type { AreaId } from '../navigation/areas';
import type { TranslationKey } from './dictionary';

// Keys built from data, checked by the compiler against the dictionary.
export const roleKey = (role: Role): TranslationKey => `roles.${role}`;
export const areaTitleKey = (id: AreaId): TranslationKey => `areas.${id}.title`;
export const areaDescriptionKey = (id: AreaId): TranslationKey => `areas.${id}.description`;
export const contestStatusKey = (status: ContestStatus): TranslationKey => `contests.status.${status}`;
