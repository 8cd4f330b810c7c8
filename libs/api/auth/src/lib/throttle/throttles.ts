import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError, laurelConfig, type LaurelConfig } from '@laurel/api-core';
import { preparedRows } from '@laurel/api-database';
import { signInLockSeconds } from '@laurel/domain';
import type { ApiErrorCode } from '@laurel/contracts';

/** What refuseLockedAccount found: whether the account has failed sign-ins or a wait on record. */
export interface AccountCounts {
  counted: boolean;
}

/** What a client address is counted for: each its own limit. */
export type ThrottledAction = 'sign_in' | 'register' | 'password_reset' | 'verify_resend';

const HOUR = 60 * 60;

/** Refusals a person can act on: what is limited, and how long to wait (also in Retry-After). */
const REFUSALS: Record<ThrottledAction, { code: ApiErrorCode; message: (wait: string) => string }> = {
  sign_in: {
    code: 'auth.too_many_attempts',
    message: (wait) => `Too many sign-in attempts from this device. Wait ${wait}, then try again.`,
  },
  register: { code: 'auth.too_many_sign_ups', message: (wait) => `Too many sign-ups from this network. Wait ${wait}, then try again.` },
  password_reset: {
    code: 'auth.too_many_resets',
    message: (wait) => `Too many password reset requests from this network. Check the mailbox for the links already sent, or wait ${wait}.`,
  },
  verify_resend: {
    code: 'auth.too_many_resends',
    message: (wait) => `Too many confirmation links asked for from this network. Check the mailbox (and its spam folder), or wait ${wait}.`,
  },
};

/**
 * Throttles kept in PostgreSQL (table `throttles`), so every API instance counts against the same
 * numbers: per client address for sign-in, sign-up, password reset and confirmation resend, and
 * per account for failed sign-ins, with a growing wait (`signInLockSeconds`). The counting is
 * rate-limiter-flexible's PostgreSQL store: one atomic upsert per hit, on the API's own pool.
 */
@Injectable()
export class Throttles {
  private readonly perAddress: Record<ThrottledAction, RateLimiterPostgres>;
  /** Failed sign-ins per account within the hour. */
  private readonly accountFailures: RateLimiterPostgres;
  /** An account's current wait: blocked for signInLockSeconds(failures). */
  private readonly accountLock: RateLimiterPostgres;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(laurelConfig.KEY) config: LaurelConfig,
  ) {
    const store = (keyPrefix: string, points: number, duration: number) =>
      new RateLimiterPostgres({
        storeClient: dataSource,
        storeType: 'typeorm',
        tableName: 'throttles',
        // The migration creates the table; the store only reads and writes it.
        tableCreated: true,
        keyPrefix,
        points,
        duration,
      });
    this.perAddress = {
      sign_in: store('signin-ip', config.auth.loginThrottleLimit, 60),
      register: store('register-ip', config.auth.mailThrottleLimit, HOUR),
      password_reset: store('reset-ip', config.auth.mailThrottleLimit, HOUR),
      verify_resend: store('resend-ip', config.auth.mailThrottleLimit, HOUR),
    };
    this.accountFailures = store('signin-fail', 1_000_000, HOUR);
    this.accountLock = store('signin-lock', 1, HOUR);
  }

  /** Counts one request of this client address; 429 with Retry-After past the limit. */
  async hit(action: ThrottledAction, clientAddress: string): Promise<void> {
    try {
      await this.perAddress[action].consume(clientAddress);
    } catch (outcome) {
      if (!(outcome instanceof RateLimiterRes)) throw outcome;
      throw tooMany(REFUSALS[action].code, REFUSALS[action].message, outcome.msBeforeNext);
    }
  }

  /**
   * Before the password is even checked: an account in its wait is refused, right password or not.
   * The wait and the failure count are read in one statement (the store's `get` would read each
   * row on its own), with the store's keys and its rule for a live row (not expired); the answer
   * says whether a success has anything to clear.
   */
  async refuseLockedAccount(email: string): Promise<AccountCounts> {
    const key = accountKey(email);
    const lockKey = this.accountLock.getKey(key);
    const rows = await preparedRows<{ key: string; points: number; expire: string | null }>(
      this.dataSource,
      'throttles-account-counts',
      `SELECT key, points, expire FROM throttles WHERE key IN ($1, $2) AND (expire > $3 OR expire IS NULL)`,
      [lockKey, this.accountFailures.getKey(key), Date.now()],
    );
    const lock = rows.find((row) => row.key === lockKey);
    const lockMs = lock?.expire ? Number(lock.expire) - Date.now() : 0;
    if (lock && lock.points > 1 && lockMs > 0) {
      throw tooMany(
        'auth.account_locked',
        (wait) => `Too many failed sign-ins for this account. Wait ${wait}, or choose a new password with "Forgot your password?".`,
        lockMs,
      );
    }
    return { counted: rows.length > 0 };
  }

  /** A wrong password (or an unknown address, counted alike so nothing tells them apart). */
  async signInFailed(email: string): Promise<void> {
    const key = accountKey(email);
    const failures = await this.accountFailures.penalty(key, 1);
    const seconds = signInLockSeconds(failures.consumedPoints);
    if (seconds > 0) await this.accountLock.block(key, seconds);
  }

  /**
   * The right password outside a wait: the account's count starts over. Most sign-ins have no
   * count (`counts` from refuseLockedAccount): they write nothing here.
   */
  async signInSucceeded(email: string, counts: AccountCounts): Promise<void> {
    if (!counts.counted) return;
    await Promise.all([this.accountFailures.delete(accountKey(email)), this.accountLock.delete(accountKey(email))]);
  }
}

function accountKey(email: string): string {
  return email.trim().toLowerCase().slice(0, 254);
}

function tooMany(code: ApiErrorCode, message: (wait: string) => string, msBeforeNext: number): AppError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new AppError(HttpStatus.TOO_MANY_REQUESTS, code, message(describeWait(seconds)), undefined, { retryAfterSeconds: seconds });
}

function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
