import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveJwtSecret } from './jwt-secret';

describe(resolveJwtSecret.name, () => {
  it('uses the configured secret and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jwt-'));
    expect(resolveJwtSecret('configured-secret-configured-secret', dir)).toBe('configured-secret-configured-secret');
    expect(() => statSync(join(dir, 'jwt-secret'))).toThrow();
  });

  it('generates a random secret once, keeps it private, and reuses it after a restart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jwt-'));
    const first = resolveJwtSecret(undefined, dir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dir, 'jwt-secret')).mode & 0o777).toBe(0o600);
    expect(resolveJwtSecret(undefined, dir)).toBe(first);
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8').trim()).toBe(first);
    expect(resolveJwtSecret(undefined, mkdtempSync(join(tmpdir(), 'jwt-')))).not.toBe(first);
  });
});
