import { hashPassword, passwordConcurrency, PasswordQueue, PasswordQueueFull, passwordProblems, verifyPassword } from './password';

describe('password policy', () => {
  it('accepts eight characters or more', () => {
    expect(passwordProblems('12345678')).toEqual([]);
    expect(passwordProblems('mật khẩu dài')).toEqual([]);
  });

  it('refuses fewer than eight characters, more than 128, only spaces, or the e-mail itself', () => {
    expect(passwordProblems('1234567')).toEqual([
      { field: 'password', code: 'min_length', limit: 8, message: 'must be at least 8 characters long' },
    ]);
    expect(passwordProblems('x'.repeat(129), undefined, 'newPassword')).toEqual([
      { field: 'newPassword', code: 'max_length', limit: 128, message: 'must be at most 128 characters long' },
    ]);
    expect(passwordProblems('        ')).toEqual([{ field: 'password', code: 'password.blank', message: 'must not be only spaces' }]);
    expect(passwordProblems('Hoa@Startup.vn', 'hoa@startup.vn')).toEqual([
      { field: 'password', code: 'password.is_email', message: 'must not be the same as the e-mail address' },
    ]);
    // Three spaces break two rules: each is its own line.
    expect(passwordProblems('   ').map((p) => p.code)).toEqual(['min_length', 'password.blank']);
  });
});

describe('password hashing', () => {
  it('hashes with argon2id at m=19456 KiB, t=2, p=1 and verifies only the right password', async () => {
    const hash = await hashPassword('laurel-demo');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    await expect(verifyPassword(hash, 'laurel-demo')).resolves.toBe(true);
    await expect(verifyPassword(hash, 'laurel-demO')).resolves.toBe(false);
    await expect(verifyPassword('not a hash', 'laurel-demo')).resolves.toBe(false);
  });
});

describe(PasswordQueue.name, () => {
  /** Work that finishes when the test says so. */
  function gate() {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { open, work: () => opened.then(() => 'done') };
  }

  it('runs at most `concurrency` at once, queues up to `maxWaiting`, refuses the next with 503 and Retry-After', async () => {
    const sut = new PasswordQueue(1, 2);
    const gates = [gate(), gate(), gate()];
    const order: number[] = [];
    const runs = gates.map((g, i) => sut.run(() => g.work().then((r) => (order.push(i), r))));
    expect(sut.queued).toBe(2);

    let refused: unknown;
    await sut.run(async () => 'never').catch((error) => (refused = error));
    expect(refused).toBeInstanceOf(PasswordQueueFull);
    expect((refused as PasswordQueueFull).getStatus()).toBe(503);
    expect((refused as PasswordQueueFull).code).toBe('auth.busy');
    // Three hashes ahead (one running, two waiting) at the first guess of 100 ms each: 0.3 s, said as 1 s.
    expect((refused as PasswordQueueFull).retryAfterSeconds).toBe(1);

    // First in, first served, one at a time.
    for (const g of [...gates].reverse()) g.open();
    await expect(Promise.all(runs)).resolves.toEqual(['done', 'done', 'done']);
    expect(order).toEqual([0, 1, 2]);
    expect(sut.queued).toBe(0);
    await expect(sut.run(async () => 'again')).resolves.toBe('again');
  });

  it('frees its slot when the work fails', async () => {
    const sut = new PasswordQueue(1, 0);
    await expect(sut.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(sut.run(async () => 'next')).resolves.toBe('next');
  });
});

describe(passwordConcurrency.name, () => {
  it('runs one hash per core on the pool the API sizes (the cores plus two), and never takes its last thread', () => {
    expect(passwordConcurrency(2, { UV_THREADPOOL_SIZE: '4' })).toBe(2);
    expect(passwordConcurrency(8, { UV_THREADPOOL_SIZE: '10' })).toBe(8);
    expect(passwordConcurrency(8, { UV_THREADPOOL_SIZE: '4' })).toBe(3);
    expect(passwordConcurrency(2, { UV_THREADPOOL_SIZE: '16' })).toBe(2);
    expect(passwordConcurrency(2, { UV_THREADPOOL_SIZE: '1' })).toBe(1);
  });

  it("counts on libuv's default pool of four where the size is unset or unreadable, and changes nothing", () => {
    const env: NodeJS.ProcessEnv = {};
    expect(passwordConcurrency(2, env)).toBe(2);
    expect(passwordConcurrency(8, env)).toBe(3);
    expect(passwordConcurrency(8, { UV_THREADPOOL_SIZE: 'many' })).toBe(3);
    expect(env).toEqual({});
  });
});
