import { safeReturnUrl } from './auth-paths';

describe('safeReturnUrl', () => {
  it('keeps a path inside the console, with its query', () => {
    expect(safeReturnUrl('/organize/entries?page=2')).toBe('/organize/entries?page=2');
  });

  it('sends anything else to the dashboard', () => {
    for (const url of [undefined, null, '', 'dashboard', 'https://evil.example', '//evil.example', '/\\evil.example']) {
      expect(safeReturnUrl(url)).toBe('/dashboard');
    }
  });

  it('never returns to the sign-in or sign-up page', () => {
    expect(safeReturnUrl('/sign-in?returnUrl=%2Fdashboard')).toBe('/dashboard');
    expect(safeReturnUrl('/sign-up')).toBe('/dashboard');
  });
});
