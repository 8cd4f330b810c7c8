import { startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';

/**
 * Password checks wait in a bounded queue in front of argon2 (one hash per core at a time); a
 * burst past the bound is answered at once with 503 and Retry-After, not left to queue without
 * limit. With PASSWORD_QUEUE_MAX=1, at most one check waits behind the running ones.
 */
describe('sign-in under a burst larger than the password queue', () => {
  let api: ApiProcess;

  beforeAll(async () => {
    api = await startApi({ PASSWORD_QUEUE_MAX: '1' });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('answers what does not fit with 503, Retry-After and a sentence to act on; the rest as usual', async () => {
    const http = new Http(api.url);
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        fetch(`${api.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: `nobody${i}@queue.vn`, password: 'wrong-password' }),
        }).then(async (r) => ({ status: r.status, retryAfter: r.headers.get('retry-after'), body: await r.json() })),
      ),
    );
    const busy = burst.filter((r) => r.status === 503);
    // At most three hashes run (one per core, three at most) and one waits: of 30 arriving together
    // 26 are turned away; some arrive after a hash has finished, so at least a third is asked.
    expect(busy.length).toBeGreaterThanOrEqual(10);
    expect(burst.filter((r) => r.status !== 503).every((r) => r.status === 401)).toBe(true);
    for (const answer of busy) {
      expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(answer.body).toMatchObject({ statusCode: 503, code: 'auth.busy', message: expect.stringContaining('try again in') });
    }

    // Once the burst has passed, signing in works again.
    await http.post('/api/auth/register', { email: 'after@queue.vn', password: 'password-1', displayName: 'After' });
    await expect(http.login('after@queue.vn', 'password-1')).resolves.toEqual(expect.any(String));
  });
});
