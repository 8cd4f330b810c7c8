/** Vietnamese strings of the results pages (the reference: en must have the same keys). */
export const viResults = {
  _section: 'results',
};
