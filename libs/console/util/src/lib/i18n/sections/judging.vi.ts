/** Vietnamese strings of the judging pages (the reference: en must have the same keys). */
export const viJudging = {
  _section: 'judging',
};
