// Preloaded into the API a bench measures (`node -r tools/bench/latency-probe.cjs`, see
// `ab-submit.mjs --probe`): it times, inside the process, where a request's milliseconds go, and
// answers the IPC message `{ type: 'bench-probe' }` with what it saw since the last one:
// - pool: waiting in node-postgres's pool for a connection (pool.connect → the connection);
// - held: a connection lent out (the connection → release: the request's SQL and the JavaScript
//   between its statements, so a transaction's whole span);
// - query: one statement, sent → answered (PostgreSQL, the socket and the event loop's turn);
// - loop: the event loop's delay (perf_hooks' histogram, 10 ms resolution);
// - gc: garbage collection pauses by kind (perf_hooks' 'gc' entries), their count, sum and max;
// - requests: each HTTP request from the server's 'request' event to its answer's 'finish', by
//   whether it sent a session check (the statement tagged `/* session-check */`) and, if it did,
//   whether it waited for its answer before asking for its own connection (so queued twice) or
//   went on while the check ran in the background; with the pool wait of what it waited for.
//   Node's AsyncLocalStorage follows each request, which costs both sides a little CPU alike;
// - sessionChecks: the session check's statements, and how bunched they come (most in one 100 ms).
// Measures only; the bench's figures of CPU per request include its small cost on both sides.
const { monitorEventLoopDelay, PerformanceObserver, constants } = require('node:perf_hooks');
const { AsyncLocalStorage } = require('node:async_hooks');
const http = require('node:http');

const pgPath = require.resolve('pg', { paths: [process.cwd()] });
const Pool = require(require.resolve('pg-pool', { paths: [pgPath] }));
const { Client } = require(pgPath);

let samples = { pool: [], held: [], query: [] };
/** Per finished request: [latency ms, 'plain' | 'waited' | 'background', pool wait ms it waited through, when it came, callers queued ahead, method]. */
let requests = [];
let sessionCheckTimes = [];
const request = new AsyncLocalStorage();
/** True while a session-check statement asks the pool for its connection (pg-pool's query calls connect at once). */
let checking = false;

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, ...args) {
  if (event !== 'request') return emit.call(this, event, ...args);
  const [req, res] = args;
  const store = { started: performance.now(), poolWait: 0, firstAsked: undefined, check: undefined, queued: 0 };
  res.once('finish', () => {
    const { check } = store;
    const waited = check && check.answered !== undefined && store.firstAsked !== undefined && check.answered <= store.firstAsked;
    const kind = !check ? 'plain' : waited ? 'waited' : 'background';
    requests.push([
      performance.now() - store.started,
      kind,
      store.poolWait + (waited ? check.poolWait : 0),
      store.started,
      store.queued,
      req.method,
    ]);
  });
  return request.run(store, () => emit.call(this, event, ...args));
};
let gc = {};
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

/** The event loop's stalls: [from, to] whenever a 10 ms timer came more than 10 ms late (a GC pause, a long task, the CPU given to others). */
let stalls = [];
let gcPauses = [];
let expected = performance.now() + 10;
setInterval(() => {
  const now = performance.now();
  if (now - expected > 10) stalls.push([expected, now]);
  expected = now + 10;
}, 10).unref();

/** Milliseconds of `spans` inside [from, to]. */
const overlap = (spans, from, to) => spans.reduce((t, [a, b]) => t + Math.max(0, Math.min(b, to) - Math.max(a, from)), 0);

const connect = Pool.prototype.connect;
Pool.prototype.connect = function (callback) {
  const asked = performance.now();
  const store = request.getStore();
  const check = checking ? store?.check : undefined;
  if (store && !checking && store.firstAsked === undefined) {
    store.firstAsked = asked;
    store.queued = this.waitingCount;
  }
  const lent = (client) => {
    samples.pool.push(performance.now() - asked);
    if (check) check.poolWait = performance.now() - asked;
    else if (store) store.poolWait += performance.now() - asked;
    const since = performance.now();
    const release = client.release;
    client.release = function (...args) {
      samples.held.push(performance.now() - since);
      client.release = release;
      return release.apply(this, args);
    };
  };
  if (typeof callback !== 'function') return connect.call(this).then((client) => (lent(client), client));
  return connect.call(this, (error, client, done) => {
    if (!error) lent(client);
    const release = client?.release ?? done;
    callback(error, client, release);
  });
};

const poolQuery = Pool.prototype.query;
Pool.prototype.query = function (config, ...rest) {
  const text = typeof config === 'string' ? config : config?.text;
  if (typeof text !== 'string' || !text.startsWith('/* session-check */')) return poolQuery.call(this, config, ...rest);
  sessionCheckTimes.push(performance.now());
  const store = request.getStore();
  const check = { poolWait: 0, answered: undefined };
  if (store) store.check = check;
  checking = true;
  try {
    const result = poolQuery.call(this, config, ...rest);
    result?.then?.(
      () => (check.answered = performance.now()),
      () => undefined,
    );
    return result;
  } finally {
    checking = false;
  }
};

const query = Client.prototype.query;
Client.prototype.query = function (...args) {
  const sent = performance.now();
  const last = args.at(-1);
  if (typeof last === 'function') {
    args[args.length - 1] = (...answer) => {
      samples.query.push(performance.now() - sent);
      return last(...answer);
    };
    return query.apply(this, args);
  }
  const result = query.apply(this, args);
  if (result && typeof result.then === 'function')
    result.then(
      () => samples.query.push(performance.now() - sent),
      () => undefined,
    );
  return result;
};

const KINDS = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
};
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = KINDS[entry.detail?.kind ?? entry.kind] ?? 'other';
    const k = (gc[kind] ??= { count: 0, ms: 0, maxMs: 0 });
    k.count++;
    k.ms += entry.duration;
    k.maxMs = Math.max(k.maxMs, entry.duration);
    gcPauses.push([entry.startTime, entry.startTime + entry.duration]);
  }
}).observe({ entryTypes: ['gc'] });

const summary = (values) => {
  if (values.length === 0) return { n: 0 };
  const sorted = Float64Array.from(values).sort();
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return { n: values.length, mean, p50: at(50), p99: at(99), max: sorted[sorted.length - 1] };
};

/** Latencies of the requests by their session check (none, waited for, in the background): share, mean, p99, mean pool wait. */
const bySessionCheck = () => {
  const groups = {};
  for (const [ms, kind, wait] of requests) (groups[kind] ??= []).push([ms, wait]);
  return Object.fromEntries(
    Object.entries(groups).map(([k, rows]) => {
      const s = summary(rows.map((r) => r[0]));
      return [
        k,
        { share: rows.length / requests.length, mean: s.mean, p99: s.p99, poolWait: rows.reduce((t, r) => t + r[1], 0) / rows.length },
      ];
    }),
  );
};

/** Session-check statements: how many, and the most that fell into one 100 ms bucket. */
const bunching = () => {
  const buckets = new Map();
  for (const t of sessionCheckTimes) buckets.set(Math.floor(t / 100), (buckets.get(Math.floor(t / 100)) ?? 0) + 1);
  return { n: sessionCheckTimes.length, maxPer100ms: Math.max(0, ...buckets.values()), buckets: buckets.size };
};

/** Of the slowest 1 % of requests: the share that waited for a session check, and their mean pool wait. */
const slowest = () => {
  if (requests.length === 0) return {};
  const sorted = [...requests].sort((a, b) => b[0] - a[0]).slice(0, Math.max(1, Math.floor(requests.length / 100)));
  return {
    n: sorted.length,
    waitedForCheck: sorted.filter((r) => r[1] === 'waited').length / sorted.length,
    poolWait: sorted.reduce((t, r) => t + r[2], 0) / sorted.length,
    latency: sorted.reduce((t, r) => t + r[0], 0) / sorted.length,
    // Callers already waiting for a connection when it asked, against every request's mean: a
    // FIFO queue that drains steadily makes the wait follow this; if it does not, the queue stalled.
    queuedAhead: sorted.reduce((t, r) => t + r[4], 0) / sorted.length,
    queuedAheadAll: requests.reduce((t, r) => t + r[4], 0) / requests.length,
    // In how many distinct 100 ms windows (by arrival) the slowest came: few means stalls that held everyone.
    windows: new Set(sorted.map((r) => Math.floor(r[3] / 100))).size,
    // The API's own stalls while they were in it, against every request's mean.
    loopStalledMs: sorted.reduce((t, r) => t + overlap(stalls, r[3], r[3] + r[0]), 0) / sorted.length,
    loopStalledMsAll: requests.reduce((t, r) => t + overlap(stalls, r[3], r[3] + r[0]), 0) / requests.length,
    gcMs: sorted.reduce((t, r) => t + overlap(gcPauses, r[3], r[3] + r[0]), 0) / sorted.length,
    gcMsAll: requests.reduce((t, r) => t + overlap(gcPauses, r[3], r[3] + r[0]), 0) / requests.length,
    stalls: stalls.length,
  };
};

process.on('message', (message) => {
  if (message?.type !== 'bench-probe') return;
  const slowMs = Number(process.env.BENCH_PROBE_SLOW_MS ?? 0);
  const first = requests.length > 0 ? Math.min(...requests.map((r) => r[3])) : 0;
  const answer = {
    request: summary(requests.map((r) => r[0])),
    steadyRequest: summary(requests.filter((r) => r[3] - first >= 1000).map((r) => r[0])),
    bySessionCheck: bySessionCheck(),
    // A save (PUT) and a submit (POST) by their own latency inside the API: mean and p99.
    byMethod: Object.fromEntries(
      ['PUT', 'POST'].map((method) => {
        const s = summary(requests.filter((r) => r[5] === method).map((r) => r[0]));
        return [method, { n: s.n, mean: s.mean, p99: s.p99 }];
      }),
    ),
    slowest: slowest(),
    sessionChecks: bunching(),
    type: 'bench-probe',
    pool: summary(samples.pool),
    held: summary(samples.held),
    query: summary(samples.query),
    slowQueries: slowMs > 0 ? samples.query.filter((ms) => ms >= slowMs).length : undefined,
    loop: { mean: loop.mean / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
    gc,
  };
  samples = { pool: [], held: [], query: [] };
  requests = [];
  sessionCheckTimes = [];
  stalls = [];
  gcPauses = [];
  gc = {};
  loop.reset();
  process.send?.(answer);
});
