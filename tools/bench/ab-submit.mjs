// `node tools/bench/ab-submit.mjs <rootA> <rootB> [--rounds=4] [--seconds=4]`: two builds of the
// API (each `<root>/dist/apps/api`, e.g. a copy of main's build and your own) on one throwaway
// PostgreSQL, driven in turns, A B B A A B…, by the sheet-submit load of `npm run bench` (100
// callers, PUT sheet + POST submit on fresh assignments). On a machine others load, one run of
// each minutes apart says little; turns a few seconds apart see the same load, and the CPU
// milliseconds per request (the API process and its PostgreSQL backends, from /proc) hold better
// than requests a second. Prints each turn and the medians; writes nothing.
import pg from 'pg';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from '../scripts/embedded-db.mjs';
import { login, median, round2 } from './api.mjs';
import { startApi } from './api.mjs';
import { backendsCpuDelta, backendsCpuMs, processCpuMs } from './cpu.mjs';
import { PASSWORD, openAssignments, seedContest, seedUsers } from './data.mjs';
import { apiSheetSubmit } from './sheet-submit.mjs';

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
const SECONDS = option('seconds', 4);
const JUDGES = 200;
// Each turn gets its own never-written assignments: 6,000 pairs is more than 1,500 req/s for 4 s.
const PER_TURN = 6000;
const ENTRIES = Math.ceil((PER_TURN * 2 * ROUNDS + 21) / JUDGES) + 5;
const log = (line) => console.log(`[ab ${new Date().toISOString().slice(11, 19)}] ${line}`);

mkdirSync(join(root, 'tmp'), { recursive: true });
const database = await startEmbeddedPostgres({ dir: join(root, 'tmp', `ab-pg-${process.pid}`), throwaway: true });
const db = new pg.Client({ connectionString: database.url, application_name: 'laurel-bench' });
const apis = [];
try {
  await db.connect();
  execFileSync(process.execPath, [join(rootA, 'dist/apps/api/cli.js'), 'migrate'], {
    env: { ...process.env, DATABASE_URL: database.url },
    stdio: 'inherit',
  });
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
  ])
    apis.push({ name, dir, api: await startApi(dir, database.url), turns: [] });
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
      const before = { api: processCpuMs(api.pid), pg: await backendsCpuMs(db, 'laurel-api') };
      const result = await apiSheetSubmit({ url: api.url, assignments: slice(), tokens, criteria, seconds: SECONDS });
      const turn = {
        rps: result.requestsPerSecond,
        p99: result.p99,
        apiMs: round2((processCpuMs(api.pid) - before.api) / result.total),
        pgMs: round2(backendsCpuDelta(before.pg, await backendsCpuMs(db, 'laurel-api')) / result.total),
        errors: result.errors,
        exhausted: result.exhausted,
      };
      side.turns.push(turn);
      log(
        `${side.name}: ${turn.rps} req/s, p99 ${turn.p99} ms, CPU per request: API ${turn.apiMs} ms, PostgreSQL ${turn.pgMs} ms${turn.errors ? `, ${turn.errors} errors ${JSON.stringify(result.failures).slice(0, 200)}` : ''}${turn.exhausted ? ', RAN OUT of assignments' : ''}`,
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
      `${name} (${dir}) medians: ${m('rps')} req/s, p99 ${m('p99')} ms, API ${m('apiMs')} ms + PostgreSQL ${m('pgMs')} ms CPU per request`,
    );
  }
} finally {
  for (const { api } of apis) await api.stop();
  await db.end().catch(() => undefined);
  await database.stop();
}
