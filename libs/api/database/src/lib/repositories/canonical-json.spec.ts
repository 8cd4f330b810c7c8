import fc from 'fast-check';
import { canonicalJson } from './audit.repository';

/** The first version, whose bytes every stored audit hash was computed over. */
function firstVersion(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(firstVersion).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${firstVersion(v)}`).join(',')}}`;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves out undefined fields', () => {
    // Hand-worked: keys in code-unit order ("B" 0x42 before "a" 0x61, "a" before "aa"), arrays kept in order.
    expect(canonicalJson({ b: 1, a: [{ z: null, y: 'é' }, 2], B: true, aa: undefined, c: { d: undefined } })).toBe(
      '{"B":true,"a":[{"y":"é","z":null},2],"b":1,"c":{}}',
    );
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson([])).toBe('[]');
  });

  it('writes the same bytes as the first version for any JSON, and for the odd values JSON cannot hold', () => {
    const odd = fc.constantFrom(undefined, () => 1, Symbol('s'), new Date(0), NaN, -0, Infinity);
    const value = fc.letrec((tie) => ({
      any: fc.oneof({ depthSize: 'small' }, fc.jsonValue(), odd, tie('list'), tie('record')),
      list: fc.oneof(
        fc.array(tie('any'), { maxLength: 5 }),
        // A sparse list: holes where `map` and `join` wrote nothing.
        fc.array(tie('any'), { maxLength: 5 }).map((items) => {
          const sparse: unknown[] = [];
          items.forEach((item, i) => {
            if (i % 2 === 0) sparse[i] = item;
          });
          sparse.length = items.length;
          return sparse;
        }),
      ),
      record: fc.dictionary(fc.string({ maxLength: 4, unit: 'binary' }), tie('any'), { maxKeys: 6 }),
    }));
    fc.assert(
      fc.property(value.any, (v) => {
        expect(canonicalJson(v)).toBe(firstVersion(v));
      }),
      { numRuns: 2000 },
    );
  });
});
