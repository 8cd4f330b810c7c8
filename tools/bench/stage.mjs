// The pitch-day stage under a full hall: many pages (judges' tablets and boards) connected to one
// API process by server-sent events; how long "next team" takes to reach every page, and what each
// connection costs the process in memory. Next to a bare node:http server doing only the fan-out.
import { fork } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile, round1 } from './api.mjs';

/** Preloaded into both measured processes, with `--expose-gc`: their memory after a full collection. */
export const MEMORY_PROBE = ['--expose-gc', '-r', fileURLToPath(new URL('./memory-probe.cjs', import.meta.url))];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** An SSE client over node:http that notes when each `stage` event with a new version arrives. */
function connect(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const arrivals = new Map();
    const client = { arrivals, bytes: 0, close: () => req.destroy() };
    let buffer = '';
    const req = request(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`stream answered ${res.statusCode}`));
        res.resume();
        return;
      }
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!block.startsWith('event: stage')) continue;
          const at = performance.now();
          client.bytes ||= Buffer.byteLength(block);
          // The version sits near the start of the JSON; no need to parse the whole view.
          const version = Number(/"version":(\d+)/.exec(block)?.[1]);
          if (!arrivals.has(version)) arrivals.set(version, at);
        }
      });
      resolve(client);
    });
    req.on('error', reject);
    req.end();
  });
}

async function post(url, token, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/** Connects in small batches, so the connection storm itself is not what is measured. */
async function connectAll(urls, batch = 20) {
  const clients = [];
  for (let i = 0; i < urls.length; i += batch) {
    clients.push(...(await Promise.all(urls.slice(i, i + batch).map(([url, headers]) => connect(url, headers)))));
  }
  return clients;
}

/**
 * `pages` connections (judges and, one in ten, boards) on one API process; then `presses`
 * "next team" presses, each timed from the moment the request is sent to the moment each page
 * has the new stage. `memory`: the API's memory after a full collection (startApi's, with
 * MEMORY_PROBE), read before and with the pages connected.
 */
export async function apiStage({ url, memory, roundId, organizerToken, judgeTokens, pages, presses }) {
  const events = `${url}/api/rounds/${roundId}/stage/events`;
  // Warm the code paths (one judge and one board), then read the process's memory.
  const warm = await connectAll([
    [events, { authorization: `Bearer ${judgeTokens[0]}` }],
    [events, { authorization: `Bearer ${organizerToken}` }],
  ]);
  await sleep(500);
  warm.forEach((c) => c.close());
  await sleep(1000);
  const before = await memory();
  const urls = Array.from({ length: pages }, (_, i) => [
    events,
    { authorization: `Bearer ${i % 10 === 9 ? organizerToken : judgeTokens[i % judgeTokens.length]}` },
  ]);
  const clients = await connectAll(urls);
  await sleep(2000);
  const after = await memory();
  const latencies = [];
  let version = (
    await (await fetch(`${url}/api/rounds/${roundId}/stage`, { headers: { authorization: `Bearer ${organizerToken}` } })).json()
  ).version;
  for (let i = 0; i < presses; i++) {
    const sent = performance.now();
    const answer = await post(`${url}/api/rounds/${roundId}/stage`, organizerToken, { version, action: 'next' });
    version = answer.version;
    const deadline = Date.now() + 10_000;
    while (clients.some((c) => !c.arrivals.has(version)) && Date.now() < deadline) await sleep(5);
    for (const c of clients) latencies.push(c.arrivals.has(version) ? c.arrivals.get(version) - sent : 10_000);
    await sleep(300);
  }
  clients.forEach((c) => c.close());
  return { ...summary(latencies, before, after, pages, presses), eventBytes: clients[0].bytes };
}

/** The same fan-out from a bare node:http server in a process of its own, with a view of the same size. */
export async function baselineStage({ root, pages, presses, payloadBytes }) {
  const child = fork(join(root, 'tools/bench/stage-baseline.mjs'), [], {
    execArgv: MEMORY_PROBE,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = (message, type) =>
    new Promise((resolve) => {
      const on = (m) => {
        if (m.type === type) {
          child.off('message', on);
          resolve(m);
        }
      };
      child.on('message', on);
      if (message) child.send(message);
    });
  const { port } = await ask(null, 'listening');
  const url = `http://127.0.0.1:${port}/`;
  const warm = await connectAll([[url, {}]]);
  warm.forEach((c) => c.close());
  await sleep(1000);
  const before = await ask({ type: 'bench-memory' }, 'bench-memory');
  const clients = await connectAll(Array.from({ length: pages }, () => [url, {}]));
  await sleep(2000);
  const after = await ask({ type: 'bench-memory' }, 'bench-memory');
  const latencies = [];
  const filler = 'x'.repeat(Math.max(0, payloadBytes - 40));
  for (let version = 1; version <= presses; version++) {
    const sent = performance.now();
    child.send({ type: 'broadcast', data: `{"version":${version},"pad":"${filler}"}` });
    const deadline = Date.now() + 10_000;
    while (clients.some((c) => !c.arrivals.has(version)) && Date.now() < deadline) await sleep(5);
    for (const c of clients) latencies.push(c.arrivals.has(version) ? c.arrivals.get(version) - sent : 10_000);
    await sleep(300);
  }
  clients.forEach((c) => c.close());
  child.send({ type: 'stop' });
  return summary(latencies, before, after, pages, presses);
}

/**
 * Memory per connection: readings taken after a full collection (so garbage not yet collected,
 * from the sign-ins before or the connections' own work, is not counted for or against them),
 * and the larger of two growths per page: the resident set's, and the JavaScript heap's plus
 * what it holds outside it. The heap can grow into memory it already had resident (then the RSS
 * understates), the RSS can grow with memory outside the heap (sockets, parsers).
 */
function summary(latencies, before, after, pages, presses) {
  const rssKbPerConnection = (after.rssKb - before.rssKb) / pages;
  const heapKbPerConnection = (after.heapKb + after.externalKb - (before.heapKb + before.externalKb)) / pages;
  return {
    pages,
    presses,
    p50: round1(percentile(latencies, 50)),
    p99: round1(percentile(latencies, 99)),
    max: round1(Math.max(...latencies)),
    rssBeforeMb: round1(before.rssKb / 1024),
    rssAfterMb: round1(after.rssKb / 1024),
    heapBeforeMb: round1((before.heapKb + before.externalKb) / 1024),
    heapAfterMb: round1((after.heapKb + after.externalKb) / 1024),
    rssKbPerConnection: round1(rssKbPerConnection),
    heapKbPerConnection: round1(heapKbPerConnection),
    kbPerConnection: round1(Math.max(rssKbPerConnection, heapKbPerConnection)),
  };
}
