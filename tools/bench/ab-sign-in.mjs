// `node tools/bench/ab-sign-in.mjs <rootA> <rootB> [--rounds=4]`: two builds of the API (each
// `<root>/dist/apps/api`, e.g. a copy of main's build and your own) on one throwaway PostgreSQL,
// each sent the bench's burst of 200 sign-ins at once in turns, A B B A A B…, with both idle
// between turns. On a machine others load the wall clock swings from one minute to the next; the
// CPU milliseconds per sign-in hold: the API's main thread (HTTP, SQL, JWT, the queue), its other
// threads (argon2 on libuv's pool, V8's helpers), its PostgreSQL backends and this client, from
// /proc. The hashes are the same on both sides, so the main thread and PostgreSQL tell the builds
// apart. Prints each turn and the medians; writes nothing.
import { Agent } from 'node:http';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAbDatabase } from './ab-database.mjs';
import { median, percentile, round2, startApi } from './api.mjs';
import { backendsCpuDelta, backendsCpuMs, selfCpuMs, threadsCpuMs } from './cpu.mjs';
import { PASSWORD, seedUsers } from './data.mjs';
import { argon2Burst, SIGN_INS, signIn } from './sign-in-case.mjs';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const [rootA, rootB] = process.argv
  .slice(2)
  .filter((a) => !a.startsWith('--'))
  .map((r) => resolve(r));
if (!rootA || !rootB) {
  console.error('usage: node tools/bench/ab-sign-in.mjs <rootA> <rootB> [--rounds=4]');
  process.exit(2);
}
const ROUNDS = Number(process.argv.find((a) => a.startsWith('--rounds='))?.split('=')[1] ?? 4);
const log = (line) => console.log(`[ab ${new Date().toISOString().slice(11, 19)}] ${line}`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/** 200 sign-ins at once against `api`: the p99, and CPU ms per sign-in by where it was spent. */
async function burst(api, db, judges) {
  // Both builds count this client's address in one table (1,000 a minute at most): each turn starts afresh.
  await db.query(`DELETE FROM throttles WHERE key LIKE 'signin-ip%'`);
  const threads = threadsCpuMs(api.pid);
  const backends = await backendsCpuMs(db, 'laurel-api');
  const client = selfCpuMs();
  const agent = new Agent({ keepAlive: true });
  const times = await Promise.all(
    judges.map(async (judge) => {
      const t = performance.now();
      await signIn(api.url, judge.email, PASSWORD, agent);
      return performance.now() - t;
    }),
  );
  agent.destroy();
  const clientMs = selfCpuMs() - client;
  const after = threadsCpuMs(api.pid);
  const pgMs = backendsCpuDelta(backends, await backendsCpuMs(db, 'laurel-api'));
  const per = (ms) => round2(ms / judges.length);
  // The other threads that hashed (each at least a tenth of them all) and the rest (V8's helpers).
  const deltas = [...after.byThread].filter(([tid]) => tid !== String(api.pid)).map(([tid, ms]) => ms - (threads.byThread.get(tid) ?? 0));
  const poolMs = deltas.filter((ms) => ms >= 0.1 * (after.others - threads.others)).reduce((a, b) => a + b, 0);
  return {
    poolMs: per(poolMs),
    helpersMs: per(after.others - threads.others - poolMs),
    p99: Math.round(percentile(times, 99)),
    mainMs: per(after.main - threads.main),
    othersMs: per(after.others - threads.others),
    pgMs: per(pgMs),
    clientMs: per(clientMs),
  };
}

const { database, db, stop } = await startAbDatabase(root, rootA);
const apis = [];
try {
  const { judges } = await seedUsers(db, SIGN_INS);
  for (const [name, dir] of [
    ['A', rootA],
    ['B', rootB],
  ])
    apis.push({ name, dir, api: await startApi(dir, database.url), turns: [] });
  // A warm-up burst each (JIT, prepared statements, every pool thread's argon2 memory), not counted.
  for (const { api } of apis) await burst(api, db, judges);
  await db.query('ANALYZE');
  const { rows } = await db.query(`SELECT password_hash FROM users WHERE email = $1`, [judges[0]?.email]);
  const hash = rows[0]?.password_hash;
  log(`load average ${load()}`);
  const bounds = [];
  for (let round = 0; round < ROUNDS; round++) {
    // The bench's bound between the rounds: what 200 hashes cost this process's threads now.
    const bound = await argon2Burst(hash);
    bounds.push(bound);
    log(`bound: ${Math.round(bound.ms)} ms, ${round2(bound.cpuMsPerHash)} ms CPU per hash`);
    const order = round % 2 === 0 ? apis : [...apis].reverse();
    for (const side of order) {
      const turn = await burst(side.api, db, judges);
      side.turns.push(turn);
      log(
        `${side.name}: p99 ${turn.p99} ms; CPU ms per sign-in: API main thread ${turn.mainMs}, other threads ${turn.othersMs} (hashing ${turn.poolMs}, V8's helpers ${turn.helpersMs}), PostgreSQL ${turn.pgMs}, client ${turn.clientMs}`,
      );
    }
  }
  log(`load average ${load()}`);
  log(
    `bound medians: ${Math.round(median(bounds.map((b) => b.ms)))} ms, ${round2(median(bounds.map((b) => b.cpuMsPerHash)))} ms CPU per hash`,
  );
  for (const { name, dir, turns } of apis) {
    const m = (key) => median(turns.map((t) => t[key]));
    log(
      `${name} (${dir}) medians: p99 ${m('p99')} ms; CPU ms per sign-in: API main thread ${m('mainMs')}, other threads ${m('othersMs')} (hashing ${m('poolMs')}, V8's helpers ${m('helpersMs')}), PostgreSQL ${m('pgMs')}, client ${m('clientMs')}`,
    );
  }
} finally {
  for (const { api } of apis) await api.stop();
  await stop();
}
