/** Vietnamese strings of the submit pages (the reference: en must have the same keys). */
export const viSubmit = {
  _section: 'submit',
};
