// `node tools/bench/ab-submit.mjs <rootA> <rootB> [--rounds=4] [--seconds=4] [--a-env=K=V]…
// [--b-env=K=V]… [--a-node=--flag]… [--b-node=--flag]… [--probe] [--waits] [--slow=MS] [--pitch-day]`: two builds of the
// API (each `<root>/dist/apps/api`, e.g. a copy of main's build and your own; or one build twice
// with different settings, e.g. `. . --b-env=DB_POOL_MAX=4`) on one throwaway
// PostgreSQL, driven in turns, A B B A A B…, by the sheet-submit load of `npm run bench` (100
// callers, PUT sheet + POST submit on fresh assignments). On a machine others load, one run of
// each minutes apart says little; turns a few seconds apart see the same load, and the CPU
// milliseconds per request (the API process and its PostgreSQL backends, from /proc) hold better
// than requests a second. Prints each turn and the medians; writes nothing.
// --probe: both APIs preload tools/bench/latency-probe.cjs and each turn also says where a
// request's time went inside the API (waiting for a pooled connection, holding it, one statement,
// event loop delay, GC pauses). --waits: pg_stat_activity of the API's backends sampled every
// 20 ms, the mean number of them running, waiting for a lock (a row another transaction holds:
// the contest's audit chain head, the sheet), or idle in a transaction (waiting for the API).
// --slow=MS: PostgreSQL logs every statement of the API that ran MS ms or longer inside the server
// (log_min_duration_statement: from its arrival, lock waits included), and each turn says how many
// and the longest, next to how many the API itself saw take that long (with --probe): a tail made
// inside PostgreSQL (the chain head's lock queue) shows in both, one made by the API's late reading
// of answers only in the second. --pitch-day: each turn is the bench's pitch-day load instead
// (50 judges, one request each every 800 ms: latency without a queue of callers in front).
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startAbDatabase } from './ab-database.mjs';
import { login, median, round2 } from './api.mjs';
import { startApi } from './api.mjs';
import { backendsCpuDelta, backendsCpuMs, processCpuMs } from './cpu.mjs';
import { PASSWORD, openAssignments, seedContest, seedUsers } from './data.mjs';
import { apiSheetSubmit, pacedSheetSubmit, PITCH_DAY } from './sheet-submit.mjs';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const [rootA, rootB] = process.argv
  .slice(2)
  .filter((a) => !a.startsWith('--'))
  .map((r) => resolve(r));
if (!rootA || !rootB) {
  console.error('usage: node tools/bench/ab-submit.mjs <rootA> <rootB> [--rounds=4] [--seconds=4]');
  process.exit(2);
}
const option = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const ROUNDS = option('rounds', 4);
const many = (name) => process.argv.filter((a) => a.startsWith(`--${name}=`)).map((a) => a.slice(name.length + 3));
const PROBE = process.argv.includes('--probe');
const WAITS = process.argv.includes('--waits');
const SLOW = option('slow', 0);
const PACED = process.argv.includes('--pitch-day');
const sideOptions = (side) => ({
  execArgv: [...many(`${side}-node`), ...(PROBE ? ['-r', join(root, 'tools/bench/latency-probe.cjs')] : [])],
  env: Object.fromEntries(many(`${side}-env`).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])),
});
const SECONDS = option('seconds', 4);
const JUDGES = 200;
// Each turn gets its own never-written assignments: 9,000 pairs is more than 4,000 req/s for 4 s
// (an idle machine ran 6,000 out at 3,000 req/s).
const PER_TURN = 9000;
const ENTRIES = Math.ceil((PER_TURN * 2 * ROUNDS + 21) / JUDGES) + 5;
const round3 = (n) => (Number.isFinite(n) ? Math.round(n * 1000) / 1000 : n);
const log = (line) => console.log(`[ab ${new Date().toISOString().slice(11, 19)}] ${line}`);

let serverLog = [];
const { database, db, stop } = await startAbDatabase(root, rootA, { log: SLOW ? (line) => serverLog.push(line) : undefined });
const apis = [];
try {
  const { organizerId } = await seedUsers(db, JUDGES);
  const contest = await seedContest(db, {
    slug: 'ab-submit',
    prefix: 'ABS',
    ownerId: organizerId,
    entries: ENTRIES,
    judges: JUDGES,
    criteria: 6,
    perEntry: JUDGES,
    submitted: false,
  });
  const criteria = (await db.query(`SELECT id FROM criteria WHERE round_id = $1 ORDER BY position`, [contest.roundId])).rows;
  const open = await openAssignments(db, contest.roundId);
  for (const [name, dir] of [
    ['A', rootA],
    ['B', rootB],
  ]) {
    const { execArgv, env } = sideOptions(name.toLowerCase());
    const settings = [...many(`${name.toLowerCase()}-node`), ...Object.entries(env).map(([k, v]) => `${k}=${v}`)];
    apis.push({
      name: settings.length ? `${name} [${settings.join(' ')}]` : name,
      dir,
      api: await startApi(dir, database.url, execArgv, { ...env, ...(SLOW && PROBE && { BENCH_PROBE_SLOW_MS: String(SLOW) }) }),
      turns: [],
    });
  }
  const tokens = new Map();
  for (const { email } of new Map(open.map((a) => [a.email, a])).values()) tokens.set(email, await login(apis[0].api.url, email, PASSWORD));
  // Every other assignment to A and B alike, so both spread over all judges and entries.
  let next = 0;
  const slice = () => open.slice(next, (next += PER_TURN));
  // A warm-up turn each (JIT, prepared statements), not counted.
  const warm = async ({ api }) =>
    apiSheetSubmit({ url: api.url, assignments: open.slice(next, (next += 600)), tokens, criteria, seconds: 1 });
  for (const side of apis) await warm(side);
  // The seeded round has no sheet yet: statistics (and so the generic plans each backend caches,
  // the foreign-key and round-lock checks' among them) say score_sheets is empty. A's backends
  // plan during A's warm-up with an empty table and kept seq scans that grew with every turn (A's
  // PostgreSQL CPU per request rose 1.1 → 7.4 ms even with the same build on both sides); fresh
  // statistics invalidate every cached plan, so both sides plan alike.
  await db.query('ANALYZE');
  if (SLOW) {
    await db.query(`ALTER SYSTEM SET log_min_duration_statement = ${SLOW}`);
    await db.query(`ALTER SYSTEM SET log_line_prefix = '%m [%p] app=%a '`);
    await db.query('SELECT pg_reload_conf()');
  }
  log(
    `load average ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? apis : [...apis].reverse();
    for (const side of order) {
      const { api } = side;
      if (PROBE) await api.probe();
      serverLog = [];
      const before = { api: processCpuMs(api.pid), pg: await backendsCpuMs(db, 'laurel-api') };
      const sampling = WAITS ? sampleWaits(db) : undefined;
      // The load generator's own event loop: a late turn there delays reading an answer, and so its latency.
      const clientLoop = PROBE ? monitorEventLoopDelay({ resolution: 5 }) : undefined;
      clientLoop?.enable();
      const load = { url: api.url, assignments: slice(), tokens, criteria, seconds: SECONDS };
      const result = PACED ? await pacedSheetSubmit({ ...load, ...PITCH_DAY }) : await apiSheetSubmit(load);
      clientLoop?.disable();
      const waits = await sampling?.stop();
      const probe = PROBE ? await api.probe() : undefined;
      const turn = {
        rps: result.requestsPerSecond,
        p50: result.p50,
        p99: result.p99,
        steadyP99: result.steadyP99,
        // Three decimals: a change worth landing moves the API's figure by 0.005-0.02 ms.
        apiMs: round3((processCpuMs(api.pid) - before.api) / result.total),
        pgMs: round2(backendsCpuDelta(before.pg, await backendsCpuMs(db, 'laurel-api')) / result.total),
        errors: result.errors,
        exhausted: result.exhausted,
        ...(probe && {
          poolP99: round2(probe.pool.p99),
          heldMean: round2(probe.held.mean),
          heldP99: round2(probe.held.p99),
          queryMean: round2(probe.query.mean),
          queryP99: round2(probe.query.p99),
          loopP99: round2(probe.loop.p99),
          gcShare: round2(Object.values(probe.gc).reduce((sum, k) => sum + k.ms, 0) / (SECONDS * 10)),
          gcMax: round2(Math.max(0, ...Object.values(probe.gc).map((k) => k.maxMs))),
        }),
        ...(waits && { running: waits.running, lockWaiting: waits.lock, idleInTx: waits.idleInTx }),
        ...(SLOW && { slowInServer: slowStatements(serverLog) }),
      };
      side.turns.push(turn);
      log(
        `${side.name}: ${turn.rps} req/s, p50 ${turn.p50} p99 ${turn.p99} ms${PACED ? '' : ` (after the first second ${turn.steadyP99} ms)`}, CPU per request: API ${turn.apiMs} ms, PostgreSQL ${turn.pgMs} ms${turn.errors ? `, ${turn.errors} errors ${JSON.stringify(result.failures).slice(0, 200)}` : ''}${turn.exhausted ? ', RAN OUT of assignments' : ''}`,
      );
      if (probe)
        log(
          `   pool wait mean ${round2(probe.pool.mean)} p99 ${turn.poolP99} ms; connection held mean ${turn.heldMean} p99 ${turn.heldP99} ms; statement mean ${turn.queryMean} p99 ${turn.queryP99} ms; loop delay p99 ${turn.loopP99} max ${round2(probe.loop.max)} ms; GC ${turn.gcShare} % of the turn, longest ${turn.gcMax} ms ${JSON.stringify(probe.gc, (k, v) => (typeof v === 'number' ? round2(v) : v))}`,
        );
      if (probe)
        log(
          `   inside the API, request → answer: mean ${round2(probe.request.mean)} p50 ${round2(probe.request.p50)} p99 ${round2(probe.request.p99)} ms, after the first second p99 ${round2(probe.steadyRequest.p99)} ms (the client's mean ${round2(result.mean)} p99 ${turn.p99}, its event loop's delay p99 ${round2(clientLoop.percentile(99) / 1e6)} max ${round2(clientLoop.max / 1e6)} ms); by session check ${JSON.stringify(probe.bySessionCheck, (k, v) => (typeof v === 'number' ? round2(v) : v))}; slowest 1 %: ${JSON.stringify(probe.slowest, (k, v) => (typeof v === 'number' ? round2(v) : v))}; session-check statements ${JSON.stringify(probe.sessionChecks)}; by method ${JSON.stringify(probe.byMethod, (k, v) => (typeof v === 'number' ? round2(v) : v))}`,
        );
      if (SLOW)
        log(
          `   statements of ${SLOW} ms or longer inside PostgreSQL: ${turn.slowInServer.n}, longest ${turn.slowInServer.max} ms${probe ? `; sent → answered in the API: ${probe.query.n ? probe.slowQueries : '?'}` : ''}`,
        );
      if (waits)
        log(
          `   backends (mean of ${waits.samples} samples): running ${waits.running}, waiting for a lock ${waits.lock} ${JSON.stringify(waits.lockEvents)}, idle in transaction ${waits.idleInTx}`,
        );
    }
  }
  log(
    `load average ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  for (const { name, dir, turns } of apis) {
    const m = (key) => median(turns.map((t) => t[key]));
    log(
      `${name} (${dir}) medians: ${m('rps')} req/s, p50 ${m('p50')} p99 ${m('p99')} ms${PACED ? '' : ` (after the first second ${m('steadyP99')} ms)`}, API ${m('apiMs')} ms + PostgreSQL ${m('pgMs')} ms CPU per request${PROBE ? `; pool wait p99 ${m('poolP99')} ms, held mean ${m('heldMean')} p99 ${m('heldP99')} ms, statement mean ${m('queryMean')} p99 ${m('queryP99')} ms, loop delay p99 ${m('loopP99')} ms, GC ${m('gcShare')} % longest ${m('gcMax')} ms` : ''}${WAITS ? `; backends running ${m('running')}, lock-waiting ${m('lockWaiting')}, idle in transaction ${m('idleInTx')}` : ''}`,
    );
  }
  const [a, b] = apis;
  if (a && b) {
    const ahead = a.turns.filter((t, i) => (b.turns[i]?.rps ?? 0) > t.rps).length;
    const lower = a.turns.filter((t, i) => (b.turns[i]?.p99 ?? Infinity) < t.p99).length;
    const lowerSteady = a.turns.filter((t, i) => (b.turns[i]?.steadyP99 ?? Infinity) < t.steadyP99).length;
    const cheaper = a.turns.filter((t, i) => (b.turns[i]?.apiMs ?? Infinity) < t.apiMs).length;
    log(
      `B ahead of A in ${ahead} of ${a.turns.length} pairs by req/s, lower p99 in ${lower} of ${a.turns.length}${PACED ? '' : ` (after the first second: ${lowerSteady})`}, less API CPU per request in ${cheaper} of ${a.turns.length}`,
    );
  }
} finally {
  for (const { api } of apis) await api.stop();
  await stop();
}

/** The API's statements PostgreSQL logged as slow (`duration: N ms`): how many, and the longest. */
function slowStatements(lines) {
  const durations = lines
    .filter((line) => line.includes('app=laurel-api') && line.includes('duration: '))
    .map((line) => Number(/duration: ([\d.]+) ms/.exec(line)?.[1] ?? NaN))
    .filter(Number.isFinite);
  return { n: durations.length, max: round2(Math.max(0, ...durations)) };
}

/** pg_stat_activity of the API's backends every 20 ms until `stop()`: mean counts per state. */
function sampleWaits(db) {
  let samples = 0;
  const sum = { running: 0, lock: 0, idleInTx: 0 };
  const lockEvents = {};
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const { rows } = await db.query(
        `SELECT state, wait_event_type, wait_event FROM pg_stat_activity WHERE application_name = 'laurel-api' AND backend_type = 'client backend'`,
      );
      samples++;
      for (const row of rows) {
        if (row.state === 'idle in transaction') sum.idleInTx++;
        else if (row.state === 'active' && row.wait_event_type === 'Lock') {
          sum.lock++;
          lockEvents[row.wait_event] = (lockEvents[row.wait_event] ?? 0) + 1;
        } else if (row.state === 'active') sum.running++;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      const mean = (n) => round2(n / Math.max(1, samples));
      return {
        samples,
        running: mean(sum.running),
        lock: mean(sum.lock),
        idleInTx: mean(sum.idleInTx),
        lockEvents: Object.fromEntries(Object.entries(lockEvents).map(([k, v]) => [k, mean(v)])),
      };
    },
  };
}
