// `node tools/bench/profile-summary.mjs <file.cpuprofile> [--top=25]`: where a V8 CPU profile's
// time went, by package (node_modules/<name>, the API's own bundle, node's internals, GC, idle)
// and by function (self time), as percentages of the busy (non-idle) samples. Written to read
// the profile `npm run bench -- --cpu-prof` leaves in bench/profiles.
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node tools/bench/profile-summary.mjs <file.cpuprofile> [--top=25]');
  process.exit(2);
}
const top = Number(process.argv.find((a) => a.startsWith('--top='))?.slice(6) ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));

// `--window=20-35`: only the samples between 20 s and 35 s after the profile started (the load
// phase; the summary prints the busy milliseconds of every second to choose it).
const window = process.argv
  .find((a) => a.startsWith('--window='))
  ?.slice(9)
  .split('-')
  .map(Number);

/** Microseconds of self time per node id, from the sample timeline. */
const selfUs = new Map();
const busyPerSecond = [];
const idleId = profile.nodes.find((n) => n.callFrame.functionName === '(idle)')?.id;
let at = 0;
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0;
  at += delta;
  const second = Math.floor(at / 1e6);
  if (id !== idleId) busyPerSecond[second] = (busyPerSecond[second] ?? 0) + delta;
  if (window && (second < window[0] || second >= window[1])) return;
  selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
});
console.log(`busy ms per second: ${Array.from(busyPerSecond, (us, s) => `${s}:${Math.round((us ?? 0) / 1000)}`).join(' ')}`);

function packageOf(url, functionName) {
  if (functionName === '(garbage collector)') return '(gc)';
  if (functionName === '(idle)') return '(idle)';
  if (functionName === '(program)') return '(program)';
  if (!url) return '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  if (url.startsWith('node:')) return '(node)';
  if (url.includes('dist/apps/api')) return '(laurel bundle)';
  return url;
}

const byPackage = new Map();
const byFunction = new Map();
let busy = 0;
let idle = 0;
for (const node of profile.nodes) {
  const us = selfUs.get(node.id) ?? 0;
  if (us === 0) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const pkg = packageOf(url, functionName);
  if (pkg === '(idle)') {
    idle += us;
    continue;
  }
  busy += us;
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  const key = `${functionName || '(anonymous)'} ${pkg}:${lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
}

// Inclusive: a sample counts once for every package on its stack (what a package and the code it
// calls cost, e.g. class-validator under Nest's ValidationPipe).
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
const nodeById = new Map(profile.nodes.map((n) => [n.id, n]));
const inclusive = new Map();
for (const [id, us] of selfUs) {
  let node = nodeById.get(id);
  if (!node || node.callFrame.functionName === '(idle)') continue;
  const seen = new Set();
  while (node) {
    seen.add(packageOf(node.callFrame.url, node.callFrame.functionName));
    node = parent.get(node.id);
  }
  for (const pkg of seen) inclusive.set(pkg, (inclusive.get(pkg) ?? 0) + us);
}

const pct = (us) => `${((100 * us) / busy).toFixed(1).padStart(5)} %`;
const ms = (us) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
console.log(`busy ${ms(busy)}, idle ${ms(idle)}`);
console.log('\nself time by package');
for (const [name, us] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)} ${ms(us)}  ${name}`);
console.log('\ninclusive time by package (the package and what it calls)');
for (const [name, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)} ${ms(us)}  ${name}`);
console.log('\nself time by function');
for (const [name, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)} ${ms(us)}  ${name}`);
