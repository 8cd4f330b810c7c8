// Sign-in: 200 judges sign in at once, against the bound the cores set, measured in the same run.
//
// The bound is "200 argon2id ÷ the cores" done for real: this process verifies the judges'
// stored hash (the API's library and parameters) 200 times, `cpus().length` at a time on its own
// libuv thread pool, the kind of thread the API's argon2 runs on, and times the whole. It used to
// be extrapolated from the fastest single hash timed alone (200 × that ÷ cores), which no program
// can reach where two argon2id hashes side by side are each slower than one alone (19 MiB each:
// they share the memory bandwidth and the cache). That figure stays in the note.
import argon2 from 'argon2';
import { cpus } from 'node:os';
import pg from 'pg';
import { login, median, percentile, round1, round2 } from './api.mjs';
import { backendsCpuDelta, backendsCpuMs, machineCpuMs, processCpuMs, selfCpuMs } from './cpu.mjs';
import { ORGANIZER_EMAIL, PASSWORD } from './data.mjs';

export const SIGN_INS = 200;

/**
 * `count` argon2id verifications of `hash`, `concurrency` at a time in this process: wall-clock
 * ms for the whole, and this process's CPU ms per verification.
 */
export async function argon2Burst(hash, { count = SIGN_INS, concurrency = cpus().length } = {}) {
  const cpuFrom = selfCpuMs();
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next++;
        if (!(await argon2.verify(hash, PASSWORD))) throw new Error('the bench password does not verify against the stored hash');
      }
    }),
  );
  return { ms: performance.now() - started, cpuMsPerHash: (selfCpuMs() - cpuFrom) / count };
}

/**
 * The case: the API warmed up (its job queue installed, ten sign-ins with the pool open), the
 * bound measured while the API is idle, the 200 sign-ins at once, the bound measured again.
 * The bound is the faster of the two measurements. Fills `tokens` (email → token).
 */
export async function signInCase({ api, db, databaseUrl, judges, tokens, apiReady }) {
  const cores = cpus().length;
  await apiReady(db);
  await Promise.all(Array.from({ length: 10 }, () => login(api.url, ORGANIZER_EMAIL, PASSWORD)));
  // Exactly what the API verifies: a judge's stored hash, whose parameters it carries.
  const { rows } = await db.query(`SELECT password_hash FROM users WHERE email = $1`, [judges[0].email]);
  const hash = rows[0]?.password_hash;
  if (!hash) throw new Error(`no stored hash for ${judges[0].email}`);

  // The old extrapolation, for the note: five single hashes, one at a time.
  const singles = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await argon2.verify(hash, PASSWORD);
    singles.push(performance.now() - t);
  }
  // Warm-up of the measured bound: every thread of the pool has run a hash (its memory mapped).
  await argon2Burst(hash, { count: 4 * cores, concurrency: cores });
  const before = await argon2Burst(hash);

  const apiCpuFrom = processCpuMs(api.pid);
  const backendsFrom = await backendsCpuMs(db, 'laurel-api');
  const machineCpuFrom = machineCpuMs();
  const burstStarted = performance.now();
  // Anything else PostgreSQL does meanwhile (autovacuum after the bulk load) takes cores too.
  let autovacuumSeen = 0;
  let burstDone = false;
  const watcher = (async () => {
    const watch = new pg.Client({ connectionString: databaseUrl, application_name: 'laurel-bench-watch' });
    await watch.connect();
    try {
      while (!burstDone) {
        const { rows: seen } = await watch.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'`,
        );
        autovacuumSeen = Math.max(autovacuumSeen, seen[0]?.n ?? 0);
        await new Promise((resolveWait) => setTimeout(resolveWait, 100));
      }
    } finally {
      await watch.end();
    }
  })();
  const attempts = await Promise.all(
    judges.slice(0, SIGN_INS).map(async (judge) => {
      const t = performance.now();
      try {
        tokens.set(judge.email, await login(api.url, judge.email, PASSWORD));
        return { ms: performance.now() - t, ok: true };
      } catch (error) {
        return { ms: performance.now() - t, ok: false, error: String(error.message).slice(0, 200) };
      }
    }),
  );
  // The API's CPU for the 200 sign-ins against 200 hashes' CPU: what the queue and the rest of a
  // sign-in add, a figure that holds when other processes slow the wall clock.
  const apiCpuMs = processCpuMs(api.pid) - apiCpuFrom;
  const burstMs = performance.now() - burstStarted;
  const machineMs = machineCpuMs() - machineCpuFrom;
  const postgresCpuMs = backendsCpuDelta(backendsFrom, await backendsCpuMs(db, 'laurel-api'));
  burstDone = true;
  await watcher;

  const after = await argon2Burst(hash);
  const bound = Math.min(before.ms, after.ms);
  const hashCpuMs = round1(Math.min(before.cpuMsPerHash, after.cpuMsPerHash));
  const times = attempts.map((a) => a.ms);
  const failed = attempts.filter((a) => !a.ok);
  const busy = failed.filter((a) => (a.error ?? '').includes('auth.busy')).length;
  const p99 = round1(percentile(times, 99));
  const extrapolated = round1((SIGN_INS * Math.min(...singles)) / cores);
  const ratio = round2(p99 / bound);
  const details = {
    p50: round1(percentile(times, 50)),
    p99,
    max: round1(Math.max(...times)),
    bound: round1(bound),
    boundBefore: round1(before.ms),
    boundAfter: round1(after.ms),
    extrapolatedBound: extrapolated,
    singleHashesMs: singles.map(round1),
    singleHashMedianMs: round1(median(singles)),
    hashCpuMs,
    apiCpuMs: round1(apiCpuMs),
    apiCpuPerHashes: round2(apiCpuMs / (SIGN_INS * hashCpuMs)),
    postgresCpuMs: round1(postgresCpuMs),
    burstMs: round1(burstMs),
    apiCores: round2(apiCpuMs / burstMs),
    machineCores: round2(machineMs / burstMs),
    autovacuumWorkersSeen: autovacuumSeen,
    failed: failed.length,
    busy503: busy,
    firstFailure: failed[0]?.error,
    apiErrors: failed.length > 0 ? api.errors() : undefined,
  };
  return {
    details,
    failed: failed.length,
    row: {
      name: 'sign-in p99 (200 logins at once)',
      value: p99,
      unit: 'ms',
      baseline: round1(bound),
      ratio,
      goal: '≤ 1.25 × the bound (200 argon2id ÷ cores, measured), no failure',
      met: ratio <= 1.25 && failed.length === 0,
      note: [
        `bound: this process verified the same stored hash 200 times, ${cores} at a time, with the API idle: ${round1(before.ms)} ms before the sign-ins and ${round1(after.ms)} ms after (the faster is the bound)`,
        `the old extrapolation, 200 × the fastest single hash (${round1(Math.min(...singles))} ms) ÷ ${cores} cores, would be ${extrapolated} ms: no program reaches it, two hashes side by side each take longer than one alone`,
        Number.isFinite(apiCpuMs)
          ? `the API spent ${round1(apiCpuMs)} ms of CPU on the 200 sign-ins, ${details.apiCpuPerHashes} × the CPU of 200 hashes here (${hashCpuMs} ms each), its PostgreSQL backends ${round1(postgresCpuMs)} ms`
          : '',
        Number.isFinite(machineMs)
          ? `over the ${round1(burstMs)} ms of the burst the API used ${details.apiCores} cores, the whole machine ${details.machineCores} of ${cores}`
          : '',
        autovacuumSeen > 0 ? `${autovacuumSeen} autovacuum worker(s) ran during the sign-ins` : '',
        failed.length > 0
          ? `${failed.length} of 200 sign-ins failed (${busy} of them 503 from the password queue; ${failed[0]?.error})`
          : '',
      ]
        .filter(Boolean)
        .join('; '),
    },
  };
}
