// CPU time spent by processes while a case runs, read from /proc: figures that hold on a busy
// machine, where wall-clock throughput swings with what else runs. Linux only; null elsewhere.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const TICK_MS = 10; // USER_HZ is 100 on Linux

function stat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    return text.slice(text.lastIndexOf(")") + 2).split(" ").map(Number);
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
 * CPU ms of a PostgreSQL cluster: the postmaster, its live backends, and the backends that have
 * exited (counted in the postmaster's reaped-children time), so pools closed during a case count.
 */
export function postgresCpuMs(clusterDir) {
  let postmaster;
  try {
    postmaster = Number(readFileSync(join(clusterDir, "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return null;
  }
  const own = stat(postmaster);
  if (!own) return null;
  let ms = (own[11] + own[12] + own[13] + own[14]) * TICK_MS;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const s = stat(entry);
    if (s && s[1] === postmaster) ms += (s[11] + s[12]) * TICK_MS;
  }
  return ms;
}

/** This process's CPU ms. */
export const selfCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
