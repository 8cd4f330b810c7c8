import { Injectable } from '@nestjs/common';
import { UsersRepository } from '@laurel/api-database';
import { evictOldest } from '@laurel/api-core';

/** How old an answer about an account's sessions may be when a request relies on it: the promise is "within 1 s". */
export const SESSION_CHECK_TTL_MS = 1000;

/**
 * From this age on a request still relies on the answer (it is within its second) but asks for
 * the account's next one in the background. A judge's tablet sends a request every second or so,
 * so under steady use the answer is renewed before it runs out and no request waits for the
 * check: before, every account's answer ran out once a second and the request that found it so
 * queued for a pooled connection twice (the check, then its own statement), which made most of
 * the slowest hundredth of a busy contest's autosaves (issue 13).
 */
export const SESSION_CHECK_RENEW_AFTER_MS = 500;

const MAX_ENTRIES = 10_000;

/** A token's subject is an account id; anything else names no account (and must not fail the statement it shares). */
const ACCOUNT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface SessionState {
  sessionVersion: number;
  disabled: boolean;
}

/**
 * One statement for one or more accounts. It gathers the accounts asked for during one turn of
 * the event loop and is sent at its end, so a hundred requests arriving together (a restart, a
 * contest's judges coming back after a quiet second) cost one statement, not a hundred queued
 * for the pool. `askedAt` is the latest time one of them was asked, which is still no later than
 * the statement is sent, so what it answers is at least that fresh: an answer counts from when
 * it was asked, not from when it came back or when a request joined the wait for it.
 */
interface Reading {
  askedAt: number;
  readonly accounts: Set<string>;
  readonly states: Promise<Map<string, SessionState>>;
}

/**
 * Is a token's session version still the account's? Read from PostgreSQL, so every instance sees a
 * bump (password change or reset, role change, sign out everywhere, disabling); a request relies
 * on an answer asked at most 1 s before it, which bounds the staleness. Answers are renewed ahead
 * of time and together (one statement for every account due), which bounds the extra queries.
 */
@Injectable()
export class SessionCheck {
  private readonly cache = new Map<string, { state: SessionState | null; at: number }>();
  /** The reading under way (or about to be sent) for an account: whoever needs its answer now waits for that one. */
  private readonly reading = new Map<string, Reading>();
  /** The reading sent at the end of this turn of the event loop. */
  private gathering: Reading | undefined;
  /** Accounts due for renewal while a background renewal is under way: they go in the next one. */
  private readonly due = new Set<string>();
  private dueAskedAt = 0;
  private renewing = false;

  constructor(private readonly users: UsersRepository) {}

  async isCurrent(userId: string, sessionVersion: number, now = Date.now()): Promise<boolean> {
    const state = await this.state(userId, now);
    return !!state && !state.disabled && state.sessionVersion === sessionVersion;
  }

  /** Forgets what this instance knows of the account (after it changed it itself), and any answer under way. */
  forget(userId: string): void {
    this.cache.delete(userId);
    this.reading.delete(userId);
    this.due.delete(userId);
  }

  private async state(userId: string, now: number): Promise<SessionState | null> {
    const cached = this.cache.get(userId);
    if (cached && now - cached.at < SESSION_CHECK_TTL_MS) {
      if (now - cached.at >= SESSION_CHECK_RENEW_AFTER_MS) this.renew(userId, now);
      return cached.state;
    }
    let reading = this.reading.get(userId);
    // Concurrent requests of one account share one reading, if it was asked within the second.
    if (!reading || now - reading.askedAt >= SESSION_CHECK_TTL_MS) reading = this.ask(userId, now);
    return (await reading.states).get(userId) ?? null;
  }

  /** Asks for the account's next answer in the background: now, or with the next renewal if one is under way. */
  private renew(userId: string, now: number): void {
    if (this.reading.has(userId)) return;
    this.due.add(userId);
    this.dueAskedAt = Math.max(this.dueAskedAt, now);
    if (!this.renewing) this.renewDue();
  }

  private renewDue(): void {
    this.renewing = true;
    const { states } = this.gathering ?? this.gather();
    // A failed renewal is not this request's failure: the answer in hand is still within its
    // second, and once it is not, the next request reads for itself and meets the error then.
    void states
      .catch(() => undefined)
      .finally(() => {
        this.renewing = false;
        if (this.due.size > 0) this.renewDue();
      });
  }

  /** Puts the account in the reading sent at the end of this turn of the event loop. */
  private ask(userId: string, now: number): Reading {
    const reading = this.gathering ?? this.gather();
    reading.accounts.add(userId);
    reading.askedAt = Math.max(reading.askedAt, now);
    this.reading.set(userId, reading);
    return reading;
  }

  /** A reading that gathers accounts until the end of this turn of the event loop, then takes the due ones along and is sent. */
  private gather(): Reading {
    let send = (): void => undefined;
    const sent = new Promise<void>((resolveSend) => (send = resolveSend));
    const accounts = new Set<string>();
    const reading: Reading = {
      askedAt: 0,
      accounts,
      states: sent.then(() => {
        const ids = [...accounts].filter((id) => ACCOUNT_ID.test(id));
        return ids.length > 0 ? this.users.sessionStates(ids) : new Map<string, SessionState>();
      }),
    };
    this.gathering = reading;
    setImmediate(() => {
      for (const id of this.due) {
        if (this.reading.has(id)) continue;
        accounts.add(id);
        this.reading.set(id, reading);
      }
      reading.askedAt = Math.max(reading.askedAt, this.dueAskedAt);
      this.due.clear();
      this.dueAskedAt = 0;
      this.gathering = undefined;
      send();
    });
    reading.states.then(
      (found) => {
        for (const id of accounts) {
          // Forgotten meanwhile (this instance changed the account), or a newer reading asked.
          if (this.reading.get(id) !== reading) continue;
          this.reading.delete(id);
          this.keep(id, found.get(id) ?? null, reading.askedAt);
        }
      },
      () => {
        for (const id of accounts) if (this.reading.get(id) === reading) this.reading.delete(id);
      },
    );
    return reading;
  }

  private keep(userId: string, state: SessionState | null, at: number): void {
    if (!this.cache.has(userId)) evictOldest(this.cache, MAX_ENTRIES);
    this.cache.set(userId, { state, at });
  }
}
