// Throttles: what the PostgreSQL-kept counters add to a request. The API counts through
// rate-limiter-flexible's PostgreSQL store on its own pg pool (TypeORM's `driver.master`), table
// `throttles`; here the same store, with the same table and options, runs on a pg pool of the
// same size, so each call is exactly the statement the API sends (the account's counts are the
// API's own statement, read with the account: one statement for the account and both rows). Timed one call at a time,
// interleaved with the floor of any statement on that pool (`SELECT 1`), over many keys.
import pg from 'pg';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import { median, percentile, round2 } from './api.mjs';

const store = (pool, keyPrefix, points, duration) =>
  new RateLimiterPostgres({
    storeClient: pool,
    storeType: 'pool',
    tableName: 'throttles',
    tableCreated: true,
    keyPrefix,
    points,
    duration,
  });

/**
 * The account's wait and failure count, read with the account in one statement as libs/api/auth
 * `Throttles.checkAccount` reads them (its columns: USER_COLUMNS of api-database). The account
 * is read for the sign-in anyway, so the figure is at most what the counts add.
 */
const accountCounts = (pool, lock, failures, account) =>
  pool.query({
    name: 'throttles-sign-in-account',
    text: `SELECT u.id, u.email, u.password_hash AS "passwordHash", u.display_name AS "displayName", u.roles, u.organization,
  u.language, u.email_verified_at AS "emailVerifiedAt", u.session_version AS "sessionVersion", u.disabled_at AS "disabledAt",
  u.created_at AS "createdAt", u.updated_at AS "updatedAt", lock.points AS "lockPoints", lock.expire AS "lockExpire",
              (lock.key IS NOT NULL OR fail.key IS NOT NULL) AS counted
         FROM (VALUES (1)) AS one (n)
         LEFT JOIN users u ON lower(u.email) = lower($1)
         LEFT JOIN throttles lock ON lock.key = $2 AND (lock.expire > $4 OR lock.expire IS NULL)
         LEFT JOIN throttles fail ON fail.key = $3 AND (fail.expire > $4 OR fail.expire IS NULL)`,
    values: [account, lock.getKey(account), failures.getKey(account), Date.now()],
  });

/**
 * Per iteration, as a sign-in does: the client address's count (one upsert), then the account's
 * lock and failure count (one read); and, as sign-up, reset and resend do, the count
 * alone. `addresses` client addresses and accounts, cycled, so most calls update a row.
 */
export async function throttleOverhead({ databaseUrl, calls, addresses }) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, application_name: 'laurel-bench-throttle' });
  try {
    const perAddress = store(pool, 'bench-signin-ip', 1_000_000_000, 60);
    const accountLock = store(pool, 'bench-signin-lock', 1, 3600);
    const accountFailures = store(pool, 'bench-signin-fail', 1_000_000, 3600);
    const timed = async (work) => {
      const started = performance.now();
      await work();
      return performance.now() - started;
    };
    const floor = [];
    const consume = [];
    const signIn = [];
    // Warm the pool's connections and the named statements.
    for (let i = 0; i < 50; i++) {
      await perAddress.consume(`10.0.${i}.1`);
      await accountCounts(pool, accountLock, accountFailures, `warm${i}@bench.laurel`);
      await pool.query('SELECT 1');
    }
    for (let i = 0; i < calls; i++) {
      const address = `10.1.${Math.floor((i % addresses) / 250)}.${i % 250}`;
      const account = `judge${i % addresses}@bench.laurel`;
      floor.push(await timed(() => pool.query('SELECT 1')));
      consume.push(await timed(() => perAddress.consume(address)));
      signIn.push(
        await timed(async () => {
          await perAddress.consume(address);
          await accountCounts(pool, accountLock, accountFailures, account);
        }),
      );
    }
    return {
      calls,
      floorMedianMs: round2(median(floor)),
      consumeMedianMs: round2(median(consume)),
      signInMedianMs: round2(median(signIn)),
      consumeP99Ms: round2(percentile(consume, 99)),
      signInP99Ms: round2(percentile(signIn, 99)),
    };
  } finally {
    await pool.end();
  }
}
