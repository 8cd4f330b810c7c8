import type { viOrganize } from './organize.vi';

export const enOrganize: typeof viOrganize = {
  _section: 'organize',
};
