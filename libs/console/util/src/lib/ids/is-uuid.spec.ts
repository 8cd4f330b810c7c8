import { isUuid } from './is-uuid';

describe('isUuid', () => {
  it('accepts a UUID in either case', () => {
    expect(isUuid('3f2b8c1e-9a4d-4e7f-b1c2-0d9e8f7a6b5c')).toBe(true);
    expect(isUuid('3F2B8C1E-9A4D-4E7F-B1C2-0D9E8F7A6B5C')).toBe(true);
  });

  it('refuses anything else: a slug, a cut or padded id, a number', () => {
    expect(isUuid('startup-2026')).toBe(false);
    expect(isUuid('3f2b8c1e-9a4d-4e7f-b1c2-0d9e8f7a6b5')).toBe(false);
    expect(isUuid(' 3f2b8c1e-9a4d-4e7f-b1c2-0d9e8f7a6b5c')).toBe(false);
    expect(isUuid(42)).toBe(false);
  });
});
