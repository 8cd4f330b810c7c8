// Documents: certificates and minutes fetched from a freshly started API (so its peak RSS,
// VmHWM, belongs to the one document), next to the libraries alone writing the same pages
// (documents-baseline.mjs: pdfkit with the same embedded font, docx with the same table).
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { login, peakRssMb, round1, round2, startApi } from './api.mjs';
import { ORGANIZER_EMAIL, PASSWORD } from './data.mjs';

/** Closes the seeded contest's round and confirms `awards` encouragement prizes for its first entries. */
export async function prepareDocuments(db, { contestId, roundId, awards }) {
  await db.query(`UPDATE rounds SET status = 'closed' WHERE id = $1`, [roundId]);
  await db.query(`INSERT INTO prizes (contest_id, tier, count, amount, currency) VALUES ($1, 'encouragement', $2, 10000000, 'VND')`, [
    contestId,
    awards,
  ]);
  await db.query(
    `INSERT INTO awards (contest_id, tier, entry_id, place, rank)
     SELECT $1, 'encouragement', e.id, row_number() OVER (ORDER BY e.code), row_number() OVER (ORDER BY e.code)
       FROM (SELECT id, code FROM entries WHERE contest_id = $1 ORDER BY code LIMIT $2) e`,
    [contestId, awards],
  );
}

export async function apiDocument({ root, databaseUrl, path }) {
  const api = await startApi(root, databaseUrl);
  try {
    const token = await login(api.url, ORGANIZER_EMAIL, PASSWORD);
    const idleRssMb = peakRssMb(api.pid);
    const started = performance.now();
    const response = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${(await response.text()).slice(0, 300)}`);
    let bytes = 0;
    for await (const chunk of response.body) bytes += chunk.length;
    return { seconds: round2((performance.now() - started) / 1000), peakRssMb: peakRssMb(api.pid), idleRssMb, bytes };
  } finally {
    await api.stop();
  }
}

export function baselineDocument({ root, kind, count }) {
  return new Promise((resolveRun, reject) => {
    let output = '';
    const child = fork(join(root, 'tools/bench/documents-baseline.mjs'), [kind, String(count)], {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`documents baseline exited ${code}: ${output}`));
      const result = JSON.parse(output.trim().split('\n').pop());
      resolveRun({ seconds: round2(result.seconds), peakRssMb: round1(result.peakRssMb), bytes: result.bytes });
    });
  });
}
