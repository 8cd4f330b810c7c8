import { en } from './en';
import { vi } from './vi';

function leaves(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + name, value);
    else for (const [key, text] of leaves(value as object, `${prefix}${name}.`)) out.set(key, text);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

// The compiler already refuses a missing or extra key in `en`; these guard what it cannot see.
describe('dictionaries', () => {
  const viLeaves = leaves(vi);
  const enLeaves = leaves(en);

  it('have the same keys', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...viLeaves.keys()].sort());
  });

  it('use the same placeholders for each key', () => {
    for (const [key, text] of viLeaves) {
      expect({ key, placeholders: placeholders(enLeaves.get(key) ?? '') }).toEqual({ key, placeholders: placeholders(text) });
    }
  });

  it('have no empty text', () => {
    for (const [key, text] of [...viLeaves, ...enLeaves]) expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
  });

  it('write Vietnamese with its diacritics', () => {
    expect(vi.auth.signIn.title).toBe('Đăng nhập');
    expect(vi.roles.applicant).toBe('Thí sinh / Đội khởi nghiệp');
  });
});
