import { waitMinutes } from './throttle-wait';

describe(waitMinutes.name, () => {
  it('rounds the wait up to whole minutes, from the body first, then the header', () => {
    // 30 s → 1 min; 3,541 s → 59.02 → 60 min; 90 s from the header alone → 1.5 → 2 min.
    expect(waitMinutes(30, null)).toBe(1);
    expect(waitMinutes(3541, '10')).toBe(60);
    expect(waitMinutes(undefined, '90')).toBe(2);
  });

  it('says one minute when nothing says how long', () => {
    expect(waitMinutes(undefined, null)).toBe(1);
    expect(waitMinutes('soon', 'later')).toBe(1);
    expect(waitMinutes(0, '0')).toBe(1);
  });
});
