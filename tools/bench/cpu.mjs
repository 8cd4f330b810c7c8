// CPU time spent by processes while a case runs, read from /proc: figures that hold on a busy
// machine, where wall-clock throughput swings with what else runs. Linux only; null elsewhere.
import { readFileSync } from 'node:fs';

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
