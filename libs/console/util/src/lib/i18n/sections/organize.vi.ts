/** Vietnamese strings of the organize pages (the reference: en must have the same keys). */
export const viOrganize = {
  _section: 'organize',
};
