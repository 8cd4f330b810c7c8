import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError, laurelConfig, type LaurelConfig } from '@laurel/api-core';
import { preparedRows, USER_COLUMNS, type UserEntity } from '@laurel/api-database';
import { known, signInLockSeconds } from '@laurel/domain';
import type { ApiErrorCode } from '@laurel/contracts';

/** What checkAccount found: whether the account has failed sign-ins or a wait on record. */
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
   * Before the password is even checked, in one statement: the account for this address (null
   * when there is none) and its wait and failure count. An account in its wait is refused, right
   * password or not. The counts are read with the store's keys and its rule for a live row (not
   * expired), beside the account the sign-in reads anyway (the store's `get` would read each row
   * on its own); the answer says whether a success has anything to clear.
   */
  async checkAccount(email: string): Promise<{ user: UserEntity | null; counts: AccountCounts }> {
    const key = accountKey(email);
    const [row] = await preparedRows<Partial<UserEntity> & { lockPoints: number | null; lockExpire: string | null; counted: boolean }>(
      this.dataSource,
      'throttles-sign-in-account',
      `SELECT ${USER_COLUMNS}, lock.points AS "lockPoints", lock.expire AS "lockExpire",
              (lock.key IS NOT NULL OR fail.key IS NOT NULL) AS counted
         FROM (VALUES (1)) AS one (n)
         LEFT JOIN users u ON lower(u.email) = lower($1)
         LEFT JOIN throttles lock ON lock.key = $2 AND (lock.expire > $4 OR lock.expire IS NULL)
         LEFT JOIN throttles fail ON fail.key = $3 AND (fail.expire > $4 OR fail.expire IS NULL)`,
      [email, this.accountLock.getKey(key), this.accountFailures.getKey(key), Date.now()],
    );
    const { lockPoints, lockExpire, counted, ...account } = known(row, 'the sign-in read answers one row');
    const lockMs = lockExpire ? Number(lockExpire) - Date.now() : 0;
    if (lockPoints !== null && lockPoints > 1 && lockMs > 0) {
      throw tooMany(
        'auth.account_locked',
        (wait) => `Too many failed sign-ins for this account. Wait ${wait}, or choose a new password with "Forgot your password?".`,
        lockMs,
      );
    }
    // Every column of the account is in the row (USER_COLUMNS), or none when the address has no account.
    return { user: account.id ? (account as UserEntity) : null, counts: { counted } };
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
   * count (`counts` from checkAccount): they write nothing here.
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
