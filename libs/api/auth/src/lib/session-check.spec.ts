import type { UsersRepository } from '@laurel/api-database';
import { SESSION_CHECK_TTL_MS, SessionCheck } from './session-check';

function accountsWith(state: { sessionVersion: number; disabled: boolean } | null) {
  const calls: string[] = [];
  const users = {
    sessionState: async (id: string) => {
      calls.push(id);
      return state ? { ...state, roles: ['applicant'] } : null;
    },
  } as unknown as UsersRepository;
  return { users, calls, set: (next: typeof state) => (state = next) };
}

describe(SessionCheck.name, () => {
  it('accepts the current session version and refuses an older one, a disabled account and a missing one', async () => {
    const accounts = accountsWith({ sessionVersion: 3, disabled: false });
    const sut = new SessionCheck(accounts.users);
    await expect(sut.isCurrent('u1', 3, 0)).resolves.toBe(true);
    await expect(sut.isCurrent('u1', 2, 0)).resolves.toBe(false);
    accounts.set({ sessionVersion: 3, disabled: true });
    await expect(sut.isCurrent('u1', 3, SESSION_CHECK_TTL_MS)).resolves.toBe(false);
    accounts.set(null);
    await expect(sut.isCurrent('u1', 3, 2 * SESSION_CHECK_TTL_MS)).resolves.toBe(false);
  });

  it('asks the database at most once per account per second, and sees a bump after that second', async () => {
    const accounts = accountsWith({ sessionVersion: 0, disabled: false });
    const sut = new SessionCheck(accounts.users);
    // Ten concurrent requests at t = 0 share one query; a request at t = 999 ms reuses its answer.
    await Promise.all(Array.from({ length: 10 }, () => sut.isCurrent('u1', 0, 0)));
    await sut.isCurrent('u1', 0, 999);
    expect(accounts.calls).toEqual(['u1']);
    // Another instance bumped the version: at t = 1000 ms the old token is refused.
    accounts.set({ sessionVersion: 1, disabled: false });
    await expect(sut.isCurrent('u1', 0, 1000)).resolves.toBe(false);
    expect(accounts.calls).toEqual(['u1', 'u1']);
  });

  it('forgets an account at once when this instance changed it', async () => {
    const accounts = accountsWith({ sessionVersion: 0, disabled: false });
    const sut = new SessionCheck(accounts.users);
    await sut.isCurrent('u1', 0, 0);
    accounts.set({ sessionVersion: 1, disabled: false });
    sut.forget('u1');
    await expect(sut.isCurrent('u1', 0, 10)).resolves.toBe(false);
  });
});
