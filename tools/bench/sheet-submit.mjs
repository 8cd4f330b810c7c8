// Sheet submit: autocannon drives PUT …/sheet then POST …/submit over distinct assignments;
// the baseline is bare node-postgres doing the same writes with the same number of callers.
import autocannon from 'autocannon';
import pg from 'pg';
import { percentile, round1, round2 } from './api.mjs';
import { backendsCpuDelta, backendsCpuMs } from './cpu.mjs';

export const CONNECTIONS = 100;

/** Pitch day (the issue): 50 judges, each autosaving every 800 ms, so 62.5 requests a second. */
export const PITCH_DAY = { judges: 50, intervalMs: 800 };

/** Scores of the six criteria, the body of every PUT and the rows of every baseline upsert. */
const scoresFor = (criteria) => criteria.map((c, i) => ({ criterionId: c.id, value: 5 + (i % 5) }));

export async function apiSheetSubmit({ url, assignments, tokens, criteria, seconds }) {
  const body = JSON.stringify({
    scores: scoresFor(criteria),
    comment: 'Benchmark sheet',
    version: 0,
  });
  let next = 0;
  let exhausted = 0;
  const failures = {};
  const onResponse = (status, body) => {
    if (status >= 300 && !failures[status]) failures[status] = String(body).slice(0, 300);
  };
  const instance = autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'PUT',
        onResponse,
        setupRequest: (request, context) => {
          const assignment = assignments[next++];
          if (!assignment) exhausted++;
          context.assignment = assignment ?? assignments[assignments.length - 1];
          return {
            ...request,
            path: `/api/assignments/${context.assignment.id}/sheet`,
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${tokens.get(context.assignment.email)}`,
            },
            body,
          };
        },
      },
      {
        method: 'POST',
        onResponse,
        setupRequest: (request, context) => ({
          ...request,
          path: `/api/assignments/${context.assignment.id}/submit`,
          headers: {
            authorization: `Bearer ${tokens.get(context.assignment.email)}`,
          },
          body: undefined,
        }),
      },
    ],
  });
  // Each answer's latency as autocannon timed it, by when its request was sent: the first second
  // holds the start (100 connections opened at once, every judge's first request), the rest the
  // steady load.
  const started = performance.now();
  const steady = [];
  instance.on('response', (client, status, bytes, ms) => {
    if (performance.now() - ms - started >= 1000) steady.push(ms);
  });
  const result = await instance;
  const errors = result.errors + result.timeouts + result.non2xx;
  return {
    requestsPerSecond: round1(result.requests.average),
    mean: result.latency.mean,
    p50: result.latency.p50,
    p99: result.latency.p99,
    steadyP99: round2(percentile(steady, 99)),
    errors,
    non2xx: result.non2xx,
    statusCodes: result.statusCodeStats,
    failures,
    total: result.requests.total,
    sheetsUsed: Math.min(next, assignments.length),
    exhausted,
  };
}

/**
 * The pitch-day load: `judges` judges, each sending a request every `intervalMs` (PUT the sheet,
 * then submit it, then the next assignment's PUT…), their clocks spread evenly over the interval
 * as real tablets are, not in step. A judge whose answer takes longer than the interval sends the
 * next one when it comes. Latency from sending to the whole answer.
 */
export async function pacedSheetSubmit({ url, assignments, tokens, criteria, seconds, judges, intervalMs }) {
  const body = JSON.stringify({
    scores: scoresFor(criteria),
    comment: 'Benchmark sheet',
    version: 0,
  });
  const latencies = [];
  const failures = {};
  let errors = 0;
  let next = 0;
  const ends = performance.now() + seconds * 1000;
  const timed = async (path, init) => {
    const started = performance.now();
    try {
      const response = await fetch(`${url}${path}`, init);
      const text = await response.text();
      if (response.status !== 200) {
        errors++;
        failures[response.status] ??= text.slice(0, 300);
      }
    } catch (error) {
      errors++;
      failures.network ??= String(error.message ?? error).slice(0, 300);
    }
    latencies.push(performance.now() - started);
  };
  const judge = async (j) => {
    let due = performance.now() + (j * intervalMs) / judges;
    while (next < assignments.length) {
      const assignment = assignments[next++];
      const authorization = `Bearer ${tokens.get(assignment.email)}`;
      for (const send of [
        () =>
          timed(`/api/assignments/${assignment.id}/sheet`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json', authorization },
            body,
          }),
        () => timed(`/api/assignments/${assignment.id}/submit`, { method: 'POST', headers: { authorization } }),
      ]) {
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolveWait) => setTimeout(resolveWait, wait));
        if (performance.now() >= ends) return;
        await send();
        due += intervalMs;
      }
    }
  };
  await Promise.all(Array.from({ length: judges }, (_, j) => judge(j)));
  return {
    requestsPerSecond: round1(latencies.length / seconds),
    p50: round2(percentile(latencies, 50)),
    p99: round2(percentile(latencies, 99)),
    errors,
    failures,
    total: latencies.length,
    sheetsUsed: next,
    exhausted: next >= assignments.length,
  };
}

/** PUT then POST for each assignment, one request at a time: latencies without any queueing. */
export async function sequentialSheetSubmit({ url, assignments, tokens, criteria }) {
  const body = JSON.stringify({
    scores: scoresFor(criteria),
    comment: 'Benchmark sheet',
    version: 0,
  });
  const put = [];
  const post = [];
  for (const assignment of assignments) {
    const authorization = `Bearer ${tokens.get(assignment.email)}`;
    let t = performance.now();
    let response = await fetch(`${url}/api/assignments/${assignment.id}/sheet`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization },
      body,
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`PUT sheet: ${response.status}`);
    put.push(performance.now() - t);
    t = performance.now();
    response = await fetch(`${url}/api/assignments/${assignment.id}/submit`, {
      method: 'POST',
      headers: { authorization },
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`POST submit: ${response.status}`);
    post.push(performance.now() - t);
  }
  return {
    putMedianMs: round2(percentile(put, 50)),
    submitMedianMs: round2(percentile(post, 50)),
    n: assignments.length,
  };
}

/**
 * The same writes without the API: `CONNECTIONS` callers over a pool the size of the API's (10),
 * each save one transaction (the sheet upserted, its 6 scores upserted in one statement), each
 * submit one UPDATE with the total. Every save and every submit counts as one operation, as
 * every PUT and POST counts as one request.
 */
export async function baselineSheetSubmit({ databaseUrl, roundId, assignments, criteria, seconds }) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, application_name: 'laurel-bench-baseline' });
  const scores = scoresFor(criteria);
  const criterionIds = scores.map((s) => s.criterionId);
  const values = scores.map((s) => s.value);
  const total = (100 * values.reduce((sum, v) => sum + v / 10, 0)) / values.length;
  const latencies = [];
  let errors = 0;
  let next = 0;
  const ends = Date.now() + seconds * 1000;

  const save = async (assignmentId) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query(
        `INSERT INTO score_sheets (assignment_id, round_id, comment) VALUES ($1, $2, 'Benchmark sheet')
         ON CONFLICT (assignment_id) DO UPDATE SET comment = EXCLUDED.comment, version = score_sheets.version + 1, updated_at = now()
         RETURNING id`,
        [assignmentId, roundId],
      );
      await client.query(
        `INSERT INTO scores (sheet_id, criterion_id, value) SELECT $1, unnest($2::uuid[]), unnest($3::numeric[])
         ON CONFLICT (sheet_id, criterion_id) DO UPDATE SET value = EXCLUDED.value`,
        [rows[0].id, criterionIds, values],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  const submit = (assignmentId) =>
    pool.query(
      `UPDATE score_sheets SET status = 'submitted', total = $2, score_values = $3::numeric[], submitted_at = now(), version = version + 1
        WHERE assignment_id = $1 AND status = 'draft'`,
      [assignmentId, total, values],
    );
  const timed = async (work) => {
    const started = performance.now();
    try {
      await work();
    } catch {
      errors++;
    }
    latencies.push(performance.now() - started);
  };

  const caller = async () => {
    while (Date.now() < ends && next < assignments.length) {
      const { id } = assignments[next++];
      await timed(() => save(id));
      await timed(() => submit(id));
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, caller));
  const elapsed = (performance.now() - started) / 1000;
  // The pool's backends were opened for this run: their CPU so far is this run's (and their start).
  const postgresCpuMs = backendsCpuDelta(new Map(), await backendsCpuMs(pool, 'laurel-bench-baseline'));
  await pool.end();
  return {
    postgresCpuMs,
    opsPerSecond: round1(latencies.length / elapsed),
    p50: round2(percentile(latencies, 50)),
    p99: round2(percentile(latencies, 99)),
    errors,
    total: latencies.length,
    exhausted: next >= assignments.length,
  };
}
