import type { viJudging } from './judging.vi';

export const enJudging: typeof viJudging = {
  _section: 'judging',
};
