import type { viSubmit } from './submit.vi';

export const enSubmit: typeof viSubmit = {
  _section: 'submit',
};
