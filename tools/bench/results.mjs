// Results: GET /api/rounds/:id/results timed against one SQL query that computes the mean total
// per entry from the scores, and the SQL statements the API runs per request, counted from
// PostgreSQL's own statement log (log_statement = all, switched on only around one request).
import { median, round1 } from './api.mjs';
import { backendsCpuDelta, backendsCpuMs, processCpuMs } from './cpu.mjs';

// Reads per size; RESULTS_RUNS=12 gives a steadier median (and CPU per read) on a busy machine.
const RUNS = Number(process.env.RESULTS_RUNS ?? 3);

const BASELINE_SQL = `
  SELECT t.entry_id, avg(t.total) AS mean
    FROM (SELECT a.entry_id, 100 * sum(c.weight * s.value / c.max_score) / sum(c.weight) AS total
            FROM score_sheets ss
            JOIN assignments a ON a.id = ss.assignment_id
            JOIN scores s ON s.sheet_id = ss.id
            JOIN criteria c ON c.id = s.criterion_id
           WHERE ss.round_id = $1 AND ss.status = 'submitted'
           GROUP BY ss.id, a.entry_id) t
   GROUP BY t.entry_id
   ORDER BY mean DESC`;

async function getResults(url, roundId, token) {
  const started = performance.now();
  const response = await fetch(`${url}/api/rounds/${roundId}/results`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = await response.json();
  const ms = performance.now() - started;
  // Where the API spent the time: sql, map (rows into data and back), domain, json.
  const phases = Object.fromEntries(
    (response.headers.get('server-timing') ?? '')
      .split(',')
      .map((part) => part.trim().split(';dur='))
      .filter(([name, dur]) => name && dur !== undefined)
      .map(([name, dur]) => [name, Number(dur)]),
  );
  if (response.status !== 200) throw new Error(`results ${roundId}: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  return {
    ms,
    phases,
    entries: Array.isArray(body.entries) ? body.entries.length : null,
  };
}

export async function timeResults({ url, db, roundId, token, expectedEntries, apiPid }) {
  const api = [];
  const phaseRuns = [];
  let entries = null;
  // CPU per read, which holds on a busy machine where wall clock does not: the API process
  // (its own work, the JSON it writes) and its PostgreSQL backends, against the baseline's backend.
  const cpuFrom = { api: processCpuMs(apiPid), pg: await backendsCpuMs(db, 'laurel-api') };
  for (let run = 0; run < RUNS; run++) {
    const answer = await getResults(url, roundId, token);
    api.push(answer.ms);
    phaseRuns.push(answer.phases);
    entries = answer.entries;
  }
  const apiCpu = processCpuMs(apiPid);
  const cpu = {
    apiMs: apiCpu === null || cpuFrom.api === null ? null : round1((apiCpu - cpuFrom.api) / RUNS),
    apiBackendsMs: round1(backendsCpuDelta(cpuFrom.pg, await backendsCpuMs(db, 'laurel-api')) / RUNS),
  };
  // The median of each phase over the runs; "http" is what the client waited beyond them.
  const split = {};
  for (const name of ['sql', 'map', 'domain', 'json']) split[name] = round1(median(phaseRuns.map((p) => p[name] ?? NaN)));
  split.http = round1(median(api) - ['sql', 'map', 'domain', 'json'].reduce((sum, name) => sum + (split[name] || 0), 0));
  const baseline = [];
  const {
    rows: [{ pid: baselinePid }],
  } = await db.query('SELECT pg_backend_pid() AS pid');
  const baselineCpuFrom = processCpuMs(baselinePid);
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const { rows } = await db.query(BASELINE_SQL, [roundId]);
    baseline.push(performance.now() - started);
    if (rows.length !== expectedEntries) throw new Error(`baseline saw ${rows.length} entries, expected ${expectedEntries}`);
  }
  const baselineCpu = processCpuMs(baselinePid);
  cpu.baselineBackendMs = baselineCpu === null || baselineCpuFrom === null ? null : round1((baselineCpu - baselineCpuFrom) / RUNS);
  return {
    cpu,
    api: api.map(round1),
    baseline: baseline.map(round1),
    apiMedian: round1(median(api)),
    baselineMedian: round1(median(baseline)),
    split,
    entries,
  };
}

/**
 * Statements PostgreSQL executed from the API's connections (application_name laurel-api) while
 * `work` ran, from its log with log_min_duration_statement = 0: `statement:` lines for simple
 * queries, `execute` lines for prepared ones; `sqlMs` sums every logged phase (parse, bind, execute).
 */
export async function statementsDuring({ db, pgLog }, work) {
  await db.query(`ALTER SYSTEM SET log_min_duration_statement = 0`);
  await db.query(`ALTER SYSTEM SET log_line_prefix = '%m [%p] app=%a '`);
  await db.query('SELECT pg_reload_conf()');
  await new Promise((r) => setTimeout(r, 500));
  const from = pgLog.length();
  try {
    await work();
    await new Promise((r) => setTimeout(r, 500));
  } finally {
    await db.query(`ALTER SYSTEM RESET log_min_duration_statement`);
    await db.query(`ALTER SYSTEM RESET log_line_prefix`);
    await db.query('SELECT pg_reload_conf()');
  }
  const lines = pgLog
    .since(from)
    .split('\n')
    .filter((line) => /app=laurel-api\S* .*LOG:\s+duration: /.test(line));
  const statements = lines.filter((line) => /ms\s+(statement|execute [^:]*):/.test(line)).length;
  const sqlMs = lines.reduce((sum, line) => sum + Number(/duration: ([\d.]+) ms/.exec(line)[1]), 0);
  return { statements, sqlMs: round1(sqlMs) };
}

/**
 * The statements of one read as a client meets it after a pause: the API remembers a token's
 * session check for 1 s (SESSION_CHECK_TTL_MS in libs/api/auth), so a read right after the timed
 * ones skipped that statement when the reads were fast (6 at 1,000 entries) and ran it when they
 * were slow (7 at 10,000), and the "no growth" row compared the cache's state, not the read.
 */
export async function countStatements({ url, db, pgLog, roundId, token }) {
  await new Promise((r) => setTimeout(r, 1_100));
  return statementsDuring({ db, pgLog }, () => getResults(url, roundId, token));
}
