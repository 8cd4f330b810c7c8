// Preloaded into the API a bench measures (`node -r tools/bench/latency-probe.cjs`, see
// `ab-submit.mjs --probe`): it times, inside the process, where a request's milliseconds go, and
// answers the IPC message `{ type: 'bench-probe' }` with what it saw since the last one:
// - pool: waiting in node-postgres's pool for a connection (pool.connect → the connection);
// - held: a connection lent out (the connection → release: the request's SQL and the JavaScript
//   between its statements, so a transaction's whole span);
// - query: one statement, sent → answered (PostgreSQL, the socket and the event loop's turn);
// - loop: the event loop's delay (perf_hooks' histogram, 10 ms resolution);
// - gc: garbage collection pauses by kind (perf_hooks' 'gc' entries), their count, sum and max.
// Measures only; the bench's figures of CPU per request include its small cost on both sides.
const { monitorEventLoopDelay, PerformanceObserver, constants } = require('node:perf_hooks');

const pgPath = require.resolve('pg', { paths: [process.cwd()] });
const Pool = require(require.resolve('pg-pool', { paths: [pgPath] }));
const { Client } = require(pgPath);

let samples = { pool: [], held: [], query: [] };
let gc = {};
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

const connect = Pool.prototype.connect;
Pool.prototype.connect = function (callback) {
  const asked = performance.now();
  const lent = (client) => {
    samples.pool.push(performance.now() - asked);
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
  }
}).observe({ entryTypes: ['gc'] });

const summary = (values) => {
  if (values.length === 0) return { n: 0 };
  const sorted = Float64Array.from(values).sort();
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return { n: values.length, mean, p50: at(50), p99: at(99), max: sorted[sorted.length - 1] };
};

process.on('message', (message) => {
  if (message?.type !== 'bench-probe') return;
  const answer = {
    type: 'bench-probe',
    pool: summary(samples.pool),
    held: summary(samples.held),
    query: summary(samples.query),
    loop: { mean: loop.mean / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
    gc,
  };
  samples = { pool: [], held: [], query: [] };
  gc = {};
  loop.reset();
  process.send?.(answer);
});
