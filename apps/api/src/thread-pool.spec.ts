import { threadPoolSize } from './thread-pool';

describe(threadPoolSize.name, () => {
  it('gives an unset pool a thread per core and two more, at least four', () => {
    expect(threadPoolSize(1, undefined)).toBe('4');
    expect(threadPoolSize(2, undefined)).toBe('4');
    expect(threadPoolSize(8, undefined)).toBe('10');
  });

  it("keeps an operator's size, and sizes a pool whose setting libuv would not read", () => {
    expect(threadPoolSize(8, '4')).toBe('4');
    expect(threadPoolSize(2, '16')).toBe('16');
    expect(threadPoolSize(8, '')).toBe('10');
    expect(threadPoolSize(8, 'many')).toBe('10');
    expect(threadPoolSize(8, '0')).toBe('10');
  });
});
