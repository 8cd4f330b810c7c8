import type { Role } from '@laurel/contracts';
import type { TranslationKey } from '../i18n/dictionary';

/**
 * The parts of the console and who may open them: the side navigation, the dashboard's links
 * and the role guards of the routes all read this one list. `ready: false` marks an area that a
 * later release builds; until then its route shows "coming soon".
 */
export interface ConsoleArea {
  id: AreaId;
  /** Absolute router path. */
  path: string;
  /** Name of an icon registered by `provideLaurelIcons`. */
  icon: string;
  /** `everyone` includes signed-out visitors; `signedIn` any role; otherwise these roles only. */
  audience: 'everyone' | 'signedIn' | readonly Role[];
  ready: boolean;
  /** Title and description keys of an area whose strings live in its own section file (default `areas.<id>.*`). */
  keys?: { title: TranslationKey; description: TranslationKey };
}

export type AreaId =
  | 'dashboard'
  | 'contests'
  | 'myEntries'
  | 'judging'
  | 'judgingPanel'
  | 'contestEditor'
  | 'entries'
  | 'results'
  | 'awards'
  | 'pitch'
  | 'audit'
  | 'users'
  | 'mailbox'
  | 'settings';

export const CONSOLE_AREAS: readonly ConsoleArea[] = [
  { id: 'dashboard', path: '/dashboard', icon: 'dashboard', audience: 'signedIn', ready: true },
  { id: 'contests', path: '/contests', icon: 'trophy', audience: 'everyone', ready: true },
  { id: 'myEntries', path: '/my-entries', icon: 'description', audience: ['applicant'], ready: true },
  { id: 'judging', path: '/judging', icon: 'gavel', audience: ['judge'], ready: true },
  {
    id: 'judgingPanel',
    path: '/organize/judging',
    icon: 'gavel',
    audience: ['organizer', 'admin'],
    ready: true,
    keys: { title: 'judging.area.title', description: 'judging.area.description' },
  },
  { id: 'contestEditor', path: '/organize/contests', icon: 'edit', audience: ['organizer'], ready: true },
  { id: 'entries', path: '/organize/entries', icon: 'inbox', audience: ['organizer'], ready: true },
  { id: 'results', path: '/organize/results', icon: 'leaderboard', audience: ['organizer'], ready: true },
  { id: 'awards', path: '/organize/awards', icon: 'star', audience: ['organizer'], ready: true },
  {
    id: 'pitch',
    path: '/organize/pitch',
    icon: 'schedule',
    audience: ['organizer'],
    ready: true,
    keys: { title: 'pitch.area.title', description: 'pitch.area.description' },
  },
  { id: 'audit', path: '/audit', icon: 'verified', audience: ['organizer', 'admin'], ready: true },
  { id: 'users', path: '/admin/users', icon: 'group', audience: ['admin'], ready: true },
  {
    id: 'mailbox',
    path: '/admin/mail',
    icon: 'inbox',
    audience: ['admin'],
    ready: true,
    keys: { title: 'account.mailbox.areaTitle', description: 'account.mailbox.areaDescription' },
  },
  { id: 'settings', path: '/admin/settings', icon: 'tune', audience: ['admin'], ready: false },
];

export function areaById(id: AreaId): ConsoleArea {
  return CONSOLE_AREAS.find((area) => area.id === id) as ConsoleArea;
}

export function areaByPath(path: string): ConsoleArea | undefined {
  return CONSOLE_AREAS.find((area) => area.path === path);
}

/** The areas that belong to a role (not the ones everybody has). */
export function areasOfRole(role: Role): ConsoleArea[] {
  return CONSOLE_AREAS.filter((area) => Array.isArray(area.audience) && area.audience.includes(role));
}
