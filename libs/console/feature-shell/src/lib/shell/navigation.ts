import { ROLES, type Role } from '@laurel/contracts';
import { CONSOLE_AREAS, type ConsoleArea, areasOfRole } from '@laurel/console-util';

export interface NavSection {
  /** `null` for the general section everybody sees. */
  role: Role | null;
  areas: ConsoleArea[];
}

/**
 * The side navigation for these roles: first what everyone (or every signed-in person) has,
 * then one section per role, each area listed once, under the first role that has it.
 */
export function navSections(signedIn: boolean, roles: readonly Role[]): NavSection[] {
  const general = CONSOLE_AREAS.filter((area) => area.audience === 'everyone' || (area.audience === 'signedIn' && signedIn));
  const seen = new Set(general.map((area) => area.id));
  const perRole = ROLES.filter((role) => roles.includes(role)).map((role) => {
    const areas = areasOfRole(role).filter((area) => !seen.has(area.id));
    areas.forEach((area) => seen.add(area.id));
    return { role, areas };
  });
  return [{ role: null, areas: general }, ...perRole.filter((section) => section.areas.length > 0)];
}
