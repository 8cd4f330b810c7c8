// Throttles: what the PostgreSQL-kept counters add to a request. The API counts through
// rate-limiter-flexible's PostgreSQL store on its own pg pool (TypeORM's `driver.master`), table
// `throttles`; here the same store, with the same table and options, runs on a pg pool of the
// same size, so each call is exactly the statement the API sends (the account's counts are the
// API's own statement, one read of both rows). Timed one call at a time,
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

/** The account's wait and failure count in one statement, as libs/api/auth `Throttles.refuseLockedAccount` reads them. */
const accountCounts = (pool, lock, failures, account) =>
  pool.query({
    name: 'throttles-account-counts',
    text: `SELECT key, points, expire FROM throttles WHERE key IN ($1, $2) AND (expire > $3 OR expire IS NULL)`,
    values: [lock.getKey(account), failures.getKey(account), Date.now()],
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
