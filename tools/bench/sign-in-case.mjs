// Sign-in: 200 judges sign in at once, against the bound the cores set, measured in the same run.
//
// The bound is "200 argon2id ÷ the cores" done for real: this process verifies the judges'
// stored hash (the API's library and parameters) 200 times, `cpus().length` at a time on its own
// libuv thread pool, the kind of thread the API's argon2 runs on, and times the whole; it is
// measured before, between and after two bursts of sign-ins, each burst against its neighbours. It used to
// be extrapolated from the fastest single hash timed alone (200 × that ÷ cores), which no program
// can reach where two argon2id hashes side by side are each slower than one alone (19 MiB each:
// they share the memory bandwidth and the cache). That figure stays in the note.
import argon2 from 'argon2';
import { Agent, request } from 'node:http';
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
 * One sign-in, as `login` (api.mjs) does it but with node:http instead of `fetch`: the same
 * request and answer (the status checked, the body read whole and parsed for the token), for
 * half of the client's CPU. The bench's client shares the machine's cores with the API and the
 * hashes; undici's `fetch` took about 1.1 ms of CPU per sign-in, 6 % of a hash, which the bound
 * does not pay. `agent`: one per burst, destroyed after it, so each burst's sign-ins come on new
 * connections as they did with `fetch` (whose idle connections close after 4 s).
 */
export function signIn(url, email, password, agent) {
  const body = JSON.stringify({ email, password });
  return new Promise((resolveToken, reject) => {
    const req = request(
      `${url}/api/auth/login`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          if (res.statusCode !== 200) return reject(new Error(`login ${email}: ${res.statusCode} ${text}`));
          try {
            resolveToken(JSON.parse(text).accessToken);
          } catch (error) {
            reject(error);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Two bursts of sign-ins, each between two measurements of the bound (B A B A B). */
const BURSTS = 2;

/**
 * The case: the API warmed up (its job queue installed, ten sign-ins with the pool open), then
 * the bound measured while the API is idle and the 200 sign-ins at once, in turns: bound, burst,
 * bound, burst, bound. Each burst is compared with the mean of the two bounds measured just
 * before and just after it, so a load that drifts during the case weighs on both alike; the row
 * reports the worse burst, and a failure in either. Fills `tokens` (email → token).
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
  const bounds = [await argon2Burst(hash)];
  const bursts = [];
  for (let i = 0; i < BURSTS; i++) {
    bursts.push(await signInBurst({ api, db, databaseUrl, judges, tokens }));
    bounds.push(await argon2Burst(hash));
  }
  const judged = bursts.map((burst, i) => {
    const bound = ((bounds[i]?.ms ?? NaN) + (bounds[i + 1]?.ms ?? NaN)) / 2;
    return { ...burst, bound, ratio: burst.p99 / bound };
  });
  const worst = judged.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  const hashCpuMs = round1(Math.min(...bounds.map((b) => b.cpuMsPerHash)));
  const failed = judged.reduce((sum, b) => sum + b.failed, 0);
  const busy = judged.reduce((sum, b) => sum + b.busy, 0);
  const firstFailure = judged.find((b) => b.firstFailure)?.firstFailure;
  const extrapolated = round1((SIGN_INS * Math.min(...singles)) / cores);
  const ratio = round2(worst.ratio);
  const apiCpuPerHashes = round2(worst.apiCpuMs / (SIGN_INS * hashCpuMs));
  const details = {
    bursts: judged.map((b) => ({
      p50: round1(b.p50),
      p99: round1(b.p99),
      max: round1(b.max),
      bound: round1(b.bound),
      ratio: round2(b.ratio),
      apiCpuMs: round1(b.apiCpuMs),
      postgresCpuMs: round1(b.postgresCpuMs),
      burstMs: round1(b.burstMs),
      apiCores: round2(b.apiCpuMs / b.burstMs),
      machineCores: round2(b.machineMs / b.burstMs),
      autovacuumWorkersSeen: b.autovacuumSeen,
      failed: b.failed,
    })),
    boundsMs: bounds.map((b) => round1(b.ms)),
    extrapolatedBound: extrapolated,
    singleHashesMs: singles.map(round1),
    singleHashMedianMs: round1(median(singles)),
    hashCpuMs,
    apiCpuPerHashes,
    failed,
    busy503: busy,
    firstFailure,
    apiErrors: failed > 0 ? api.errors() : undefined,
  };
  return {
    details,
    failed,
    row: {
      name: 'sign-in p99 (200 logins at once)',
      value: round1(worst.p99),
      unit: 'ms',
      baseline: round1(worst.bound),
      ratio,
      goal: '≤ 1.25 × the bound (200 argon2id ÷ cores, measured), no failure',
      met: ratio <= 1.25 && failed === 0,
      note: [
        `bound: this process verified the same stored hash 200 times, ${cores} at a time, with the API idle, before, between and after ${BURSTS} bursts of 200 sign-ins: ${bounds.map((b) => round1(b.ms)).join(' / ')} ms; each burst is compared with the mean of the bounds on either side, the worse burst is shown (p99 ${judged.map((b) => `${round1(b.p99)} ms = ${round2(b.ratio)} ×`).join(', ')})`,
        `the old extrapolation, 200 × the fastest single hash (${round1(Math.min(...singles))} ms) ÷ ${cores} cores, would be ${extrapolated} ms: no program reaches it, two hashes side by side each take longer than one alone`,
        Number.isFinite(worst.apiCpuMs)
          ? `in that burst the API spent ${round1(worst.apiCpuMs)} ms of CPU on the 200 sign-ins, ${apiCpuPerHashes} × the CPU of 200 hashes in the bound (${hashCpuMs} ms each), its PostgreSQL backends ${round1(worst.postgresCpuMs)} ms`
          : '',
        Number.isFinite(worst.machineMs)
          ? `over its ${round1(worst.burstMs)} ms the API used ${round2(worst.apiCpuMs / worst.burstMs)} cores, the whole machine ${round2(worst.machineMs / worst.burstMs)} of ${cores}`
          : '',
        judged.some((b) => b.autovacuumSeen > 0)
          ? `autovacuum workers ran during the sign-ins (${judged.map((b) => b.autovacuumSeen).join(', ')})`
          : '',
        failed > 0
          ? `${failed} of ${BURSTS * SIGN_INS} sign-ins failed (${busy} of them 503 from the password queue; ${firstFailure})`
          : '',
      ]
        .filter(Boolean)
        .join('; '),
    },
  };
}

/** 200 judges sign in at once: their times, and the CPU the API and its PostgreSQL spent. */
async function signInBurst({ api, db, databaseUrl, judges, tokens }) {
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
  const agent = new Agent({ keepAlive: true });
  const attempts = await Promise.all(
    judges.slice(0, SIGN_INS).map(async (judge) => {
      const t = performance.now();
      try {
        tokens.set(judge.email, await signIn(api.url, judge.email, PASSWORD, agent));
        return { ms: performance.now() - t, ok: true };
      } catch (error) {
        return { ms: performance.now() - t, ok: false, error: String(error.message).slice(0, 200) };
      }
    }),
  );
  agent.destroy();
  // The API's CPU for the 200 sign-ins against 200 hashes' CPU: what the queue and the rest of a
  // sign-in add, a figure that holds when other processes slow the wall clock.
  const apiCpuMs = processCpuMs(api.pid) - apiCpuFrom;
  const burstMs = performance.now() - burstStarted;
  const machineMs = machineCpuMs() - machineCpuFrom;
  const postgresCpuMs = backendsCpuDelta(backendsFrom, await backendsCpuMs(db, 'laurel-api'));
  burstDone = true;
  await watcher;
  const times = attempts.map((a) => a.ms);
  const failed = attempts.filter((a) => !a.ok);
  return {
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    max: Math.max(...times),
    failed: failed.length,
    busy: failed.filter((a) => (a.error ?? '').includes('auth.busy')).length,
    firstFailure: failed[0]?.error,
    apiCpuMs,
    burstMs,
    machineMs,
    postgresCpuMs,
    autovacuumSeen,
  };
}
