import type { ContestStatus, Role } from '@laurel/contracts';
import { type AreaId, areaById } from '../navigation/areas';
import type { TranslationKey } from './dictionary';

// Keys built from data, checked by the compiler against the dictionary.
export const roleKey = (role: Role): TranslationKey => `roles.${role}`;
export const areaTitleKey = (id: AreaId): TranslationKey => areaById(id).keys?.title ?? (`areas.${id}.title` as TranslationKey);
export const areaDescriptionKey = (id: AreaId): TranslationKey =>
  areaById(id).keys?.description ?? (`areas.${id}.description` as TranslationKey);
export const contestStatusKey = (status: ContestStatus): TranslationKey => `contests.status.${status}`;
