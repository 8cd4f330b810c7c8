import { known, MissingValueError } from './known';

describe('known', () => {
  it('returns a value that is there, including falsy ones', () => {
    expect(known(0, 'a count')).toBe(0);
    expect(known('', 'a name')).toBe('');
    expect(known(null, 'a nullable score')).toBeNull();
  });

  it('throws an internal error naming what is missing', () => {
    const totals = new Map<string, number>();
    expect(() => known(totals.get('entry-1'), 'the total of entry-1')).toThrow(MissingValueError);
    expect(() => known([][0], 'the first judge')).toThrow('Internal error: the first judge is missing');
  });
});
