import type { viResults } from './results.vi';

export const enResults: typeof viResults = {
  _section: 'results',
};
