// Export: the contest's results workbook streamed from a freshly started API (so its peak RSS,
// VmHWM, belongs to this one download), against export-baseline.mjs writing the same cells.
import { fork } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { login, peakRssMb, round1, round2, startApi } from './api.mjs';
import { ORGANIZER_EMAIL, PASSWORD } from './data.mjs';

export async function apiExport({ root, databaseUrl, contestId }) {
  const api = await startApi(root, databaseUrl);
  try {
    const token = await login(api.url, ORGANIZER_EMAIL, PASSWORD);
    const idleRssMb = peakRssMb(api.pid);
    const started = performance.now();
    const response = await fetch(`${api.url}/api/contests/${contestId}/export.xlsx`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`export: ${response.status} ${(await response.text()).slice(0, 300)}`);
    let bytes = 0;
    for await (const chunk of response.body) bytes += chunk.length;
    const seconds = (performance.now() - started) / 1000;
    return {
      seconds: round2(seconds),
      peakRssMb: peakRssMb(api.pid),
      idleRssMb,
      bytes,
    };
  } finally {
    await api.stop();
  }
}

export function baselineExport({ root, entries, perEntry, criteria, judges }) {
  const outFile = join(root, 'tmp', `bench-export-baseline-${entries}.xlsx`);
  return new Promise((resolveRun, reject) => {
    let output = '';
    const child = fork(join(root, 'tools/bench/export-baseline.mjs'), [entries, perEntry, criteria, judges, outFile].map(String), {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      rmSync(outFile, { force: true });
      if (code !== 0) return reject(new Error(`export baseline exited ${code}: ${output}`));
      const result = JSON.parse(output.trim().split('\n').pop());
      resolveRun({
        seconds: round2(result.seconds),
        peakRssMb: round1(result.peakRssMb),
        bytes: result.bytes,
      });
    });
  });
}
