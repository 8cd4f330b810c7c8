// CPU time spent by processes while a case runs, read from /proc: figures that hold on a busy
// machine, where wall-clock throughput swings with what else runs. Linux only; null elsewhere.
import { readFileSync, readdirSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

function stat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text
      .slice(text.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
  } catch {
    return null;
  }
}

/** CPU ms of one process (user + system). */
export function processCpuMs(pid) {
  const s = stat(pid);
  return s ? (s[11] + s[12]) * TICK_MS : null;
}

/**
 * CPU ms so far of each PostgreSQL backend serving connections named `applicationName` (the
 * backends run on this machine, so /proc has them), by pid. Only those connections: autovacuum
 * and the job queue's polling land in whichever case happens to run, and would be counted there.
 */
export async function backendsCpuMs(db, applicationName) {
  const { rows } = await db.query(`SELECT pid FROM pg_stat_activity WHERE application_name = $1`, [applicationName]);
  return new Map(rows.map((row) => [row.pid, processCpuMs(row.pid) ?? 0]));
}

/** CPU ms the backends of `after` spent since `before` (a backend opened in between from 0). */
export function backendsCpuDelta(before, after) {
  let ms = 0;
  for (const [pid, now] of after) ms += now - (before.get(pid) ?? 0);
  return ms;
}

/** This process's CPU ms. */
export const selfCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** CPU ms the whole machine spent (every core, every process) so far, from /proc/stat. */
export function machineCpuMs() {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
    const busy = fields.reduce((sum, value, i) => (i === 3 || i === 4 || i > 7 ? sum : sum + value), 0);
    return busy * TICK_MS;
  } catch {
    return null;
  }
}

/**
 * CPU ms of one process split by thread: its main thread (the event loop: HTTP, SQL, JSON,
 * JavaScript) and every other thread (libuv's pool, where argon2 runs, and V8's helpers), and
 * each thread's by its id. From /proc/<pid>/task; null where there is none.
 */
export function threadsCpuMs(pid) {
  try {
    let others = 0;
    let main = 0;
    const byThread = new Map();
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const ms = processCpuMs(`${pid}/task/${tid}`) ?? 0;
      byThread.set(tid, ms);
      if (tid === String(pid)) main = ms;
      else others += ms;
    }
    return { main, others, byThread };
  } catch {
    return null;
  }
}
