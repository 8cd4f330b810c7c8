import type { UsersRepository } from '@laurel/api-database';
import { SESSION_CHECK_RENEW_AFTER_MS, SESSION_CHECK_TTL_MS, SessionCheck } from './session-check';

type State = { sessionVersion: number; disabled: boolean } | null;

const U1 = '00000000-0000-4000-8000-000000000001';
const U2 = '00000000-0000-4000-8000-000000000002';
const U3 = '00000000-0000-4000-8000-000000000003';

/**
 * Accounts as the database holds them. Each statement reads the states when it is sent (as
 * PostgreSQL's snapshot would) and answers when `hold` lets it: at once unless a test holds it.
 * A statement is sent at the end of the event loop's turn in which it was asked for (`settle()`).
 */
function accounts(initial: Record<string, State>) {
  const states = new Map(Object.entries(initial));
  const calls: string[][] = [];
  const held: (() => void)[] = [];
  let holding = false;
  const users = {
    sessionStates: async (ids: readonly string[]) => {
      calls.push([...ids]);
      const answer = new Map<string, { sessionVersion: number; disabled: boolean }>();
      for (const id of ids) {
        const state = states.get(id);
        if (state) answer.set(id, { ...state });
      }
      if (holding) await new Promise<void>((release) => held.push(release));
      return answer;
    },
  } as unknown as UsersRepository;
  return {
    users,
    calls,
    set: (id: string, state: State) => states.set(id, state),
    hold: () => (holding = true),
    /** Lets every held statement answer, and stops holding. */
    release: () => {
      holding = false;
      for (const release of held.splice(0)) release();
    },
  };
}

/** Lets the event loop finish its turn: what was asked for is sent, and what was answered is kept. */
const settle = async () => {
  // Two turns: a statement answered in the first may start one that is sent in the second.
  for (let turn = 0; turn < 2; turn++) await new Promise((resolveTurn) => setImmediate(resolveTurn));
};

/** Whether `promise` is still pending after everything already queued has run. */
async function pending(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await settle();
  return !done;
}

describe(SessionCheck.name, () => {
  it('accepts the current session version and refuses an older one, a disabled account and a missing one', async () => {
    const db = accounts({ [U1]: { sessionVersion: 3, disabled: false } });
    const sut = new SessionCheck(db.users);
    await expect(sut.isCurrent(U1, 3, 0)).resolves.toBe(true);
    await expect(sut.isCurrent(U1, 2, 0)).resolves.toBe(false);
    db.set(U1, { sessionVersion: 3, disabled: true });
    await expect(sut.isCurrent(U1, 3, SESSION_CHECK_TTL_MS)).resolves.toBe(false);
    db.set(U1, null);
    await expect(sut.isCurrent(U1, 3, 2 * SESSION_CHECK_TTL_MS)).resolves.toBe(false);
  });

  it('refuses a subject that is no account id without a statement failing for the accounts read with it', async () => {
    const db = accounts({ [U1]: { sessionVersion: 0, disabled: false } });
    const sut = new SessionCheck(db.users);
    await expect(sut.isCurrent('not-an-id', 0, 0)).resolves.toBe(false);
    await expect(sut.isCurrent(U1, 0, 0)).resolves.toBe(true);
    expect(db.calls).toEqual([[U1]]);
  });

  it('relies on an answer for one second: concurrent requests share one statement, and a bump is seen after that second', async () => {
    const db = accounts({ [U1]: { sessionVersion: 0, disabled: false } });
    const sut = new SessionCheck(db.users);
    // Ten concurrent requests at t = 0 share one statement; a request at t = 499 ms reuses its answer.
    await Promise.all(Array.from({ length: 10 }, () => sut.isCurrent(U1, 0, 0)));
    await sut.isCurrent(U1, 0, SESSION_CHECK_RENEW_AFTER_MS - 1);
    expect(db.calls).toEqual([[U1]]);
    // Another instance bumped the version at t = 1 ms (after the statement of t = 0 was answered).
    // The account sends nothing until t = 1000 ms: that request may not rely on the answer of t = 0.
    db.set(U1, { sessionVersion: 1, disabled: false });
    await expect(sut.isCurrent(U1, 0, SESSION_CHECK_TTL_MS)).resolves.toBe(false);
    expect(db.calls).toEqual([[U1], [U1]]);
  });

  it('renews an answer in its second half without making the request wait, so a busy account never waits for the check', async () => {
    const db = accounts({ [U1]: { sessionVersion: 0, disabled: false } });
    const sut = new SessionCheck(db.users);
    await sut.isCurrent(U1, 0, 0);
    // Bumped at t = 400 ms. The request at t = 500 ms is answered at once from the answer of
    // t = 0 (within its second) while the renewal is held in the database.
    db.set(U1, { sessionVersion: 1, disabled: false });
    db.hold();
    await expect(sut.isCurrent(U1, 0, SESSION_CHECK_RENEW_AFTER_MS)).resolves.toBe(true);
    await settle();
    expect(db.calls).toEqual([[U1], [U1]]);
    // More requests while the renewal is under way ask for nothing more.
    await expect(sut.isCurrent(U1, 0, 600)).resolves.toBe(true);
    await settle();
    expect(db.calls).toHaveLength(2);
    db.release();
    await settle();
    // The renewal (asked at t = 500 ms) says the token is old: refused from t = 601 ms, no statement.
    await expect(sut.isCurrent(U1, 0, 601)).resolves.toBe(false);
    await expect(sut.isCurrent(U1, 1, 601)).resolves.toBe(true);
    expect(db.calls).toHaveLength(2);
  });

  it('never relies on an answer asked more than a second before the request, however slow its renewal', async () => {
    const db = accounts({ [U1]: { sessionVersion: 0, disabled: false } });
    const sut = new SessionCheck(db.users);
    await sut.isCurrent(U1, 0, 0);
    db.hold();
    await sut.isCurrent(U1, 0, 500); // renewal asked at t = 500 ms, sent, held
    await settle();
    db.set(U1, { sessionVersion: 0, disabled: true });
    // At t = 1000 ms the answer of t = 0 is out of its second: the request waits for the renewal
    // of t = 500 ms (asked within its second), which read the account before it was disabled.
    const at1000 = sut.isCurrent(U1, 0, 1000);
    expect(await pending(at1000)).toBe(true);
    // At t = 1500 ms even that renewal is too old to wait for: a statement of its own, which sees the disabling.
    const at1500 = sut.isCurrent(U1, 0, 1500);
    await settle();
    expect(db.calls).toEqual([[U1], [U1], [U1]]);
    db.release();
    await expect(at1000).resolves.toBe(true);
    await expect(at1500).resolves.toBe(false);
    // The later answer is the one kept.
    await expect(sut.isCurrent(U1, 0, 1600)).resolves.toBe(false);
    expect(db.calls).toHaveLength(3);
  });

  it('reads the accounts asked for in one turn of the event loop in one statement: a hundred judges coming back at once cost one', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const db = accounts(Object.fromEntries(ids.map((id) => [id, { sessionVersion: 0, disabled: false }])));
    const sut = new SessionCheck(db.users);
    const answers = await Promise.all(ids.map((id) => sut.isCurrent(id, 0, 0)));
    expect(answers.every(Boolean)).toBe(true);
    expect(db.calls).toEqual([ids]);
  });

  it('renews the accounts that fall due while a renewal is under way in one statement after it', async () => {
    const db = accounts({
      [U1]: { sessionVersion: 0, disabled: false },
      [U2]: { sessionVersion: 0, disabled: false },
      [U3]: { sessionVersion: 0, disabled: false },
    });
    const sut = new SessionCheck(db.users);
    await Promise.all([U1, U2, U3].map((id) => sut.isCurrent(id, 0, 0)));
    expect(db.calls).toEqual([[U1, U2, U3]]);
    db.hold();
    await sut.isCurrent(U1, 0, 600);
    await settle(); // U1's renewal is sent, and held
    await sut.isCurrent(U2, 0, 610);
    await sut.isCurrent(U3, 0, 620);
    await sut.isCurrent(U2, 0, 630);
    await settle();
    expect(db.calls.slice(1)).toEqual([[U1]]);
    db.release();
    await settle();
    expect(db.calls.slice(1)).toEqual([[U1], [U2, U3]]);
    // A request that must wait takes the due accounts along in its own statement.
    db.hold();
    await sut.isCurrent(U1, 0, 1200); // renewal of U1 (its answer is from t = 600 ms)
    await settle(); // sent, held
    await sut.isCurrent(U2, 0, 1210); // U2 due: waits for the next renewal
    const u3 = sut.isCurrent(U3, 0, 1700); // U3's answer (t = 630 ms) is out of its second: read now, with U2
    await settle();
    expect(db.calls.slice(3)).toEqual([[U1], [U3, U2]]);
    db.release();
    await expect(u3).resolves.toBe(true);
  });

  it('forgets an account at once when this instance changed it, and drops an answer asked before', async () => {
    const db = accounts({ [U1]: { sessionVersion: 0, disabled: false } });
    const sut = new SessionCheck(db.users);
    await sut.isCurrent(U1, 0, 0);
    db.set(U1, { sessionVersion: 1, disabled: false });
    sut.forget(U1);
    await expect(sut.isCurrent(U1, 0, 10)).resolves.toBe(false);
    // A renewal asked before this instance changed the account again is not kept.
    db.hold();
    await sut.isCurrent(U1, 1, 600);
    await settle(); // the renewal read version 1, and is held
    db.set(U1, { sessionVersion: 2, disabled: false });
    sut.forget(U1);
    db.release();
    await settle();
    await expect(sut.isCurrent(U1, 1, 610)).resolves.toBe(false);
    await expect(sut.isCurrent(U1, 2, 610)).resolves.toBe(true);
  });

  it('keeps answering from the answer in hand when a renewal fails, and fails the request once it must wait', async () => {
    const db = accounts({ [U1]: { sessionVersion: 0, disabled: false } });
    const sut = new SessionCheck(db.users);
    await sut.isCurrent(U1, 0, 0);
    const down = jest.spyOn(db.users, 'sessionStates').mockRejectedValue(new Error('database unavailable'));
    await expect(sut.isCurrent(U1, 0, 600)).resolves.toBe(true);
    await settle();
    await expect(sut.isCurrent(U1, 0, 700)).resolves.toBe(true);
    await settle();
    await expect(sut.isCurrent(U1, 0, 1000)).rejects.toThrow('database unavailable');
    expect(down).toHaveBeenCalledTimes(3);
  });
});
