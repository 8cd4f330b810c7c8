// Times assignJudges on a contest the size the brief promises to handle (5,000 entries,
// 200 judges, 3 judges per entry, 5 % conflicts), checks the result, and prints one JSON line
// for the benchmark suite. Exits 1 when the result is invalid or the 2 s goal is missed.
import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const GOAL_MS = 2000;
const RUNS = 5;
const ENTRIES = 5000;
const JUDGES = 200;
const JUDGES_PER_ENTRY = 3;
const CONFLICT_RATE = 0.05;

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

async function loadDomain() {
  const dir = await mkdtemp(join(tmpdir(), 'laurel-bench-'));
  const outfile = join(dir, 'assignment.mjs');
  // Only the assignment folder: the rest of the domain is not needed to time it.
  await build({
    entryPoints: [join(root, 'libs/shared/domain/src/lib/assignment/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  const domain = await import(pathToFileURL(outfile).href);
  await rm(dir, { recursive: true, force: true });
  return domain;
}

// The contest itself comes from a fixed generator, so every run times the same input.
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeContest() {
  const random = mulberry32(20240601);
  const entries = Array.from({ length: ENTRIES }, (_, i) => ({ id: `entry-${String(i).padStart(5, '0')}` }));
  const judges = Array.from({ length: JUDGES }, (_, i) => ({ id: `judge-${String(i).padStart(3, '0')}` }));
  const conflicts = [];
  for (const entry of entries) {
    for (const judge of judges) if (random() < CONFLICT_RATE) conflicts.push({ entryId: entry.id, judgeId: judge.id });
  }
  return { entries, judges, conflicts, judgesPerEntry: JUDGES_PER_ENTRY, seed: 'bench-2024' };
}

function problemsWith(result, input) {
  if (!result.ok) return [`not assigned: ${result.unassignable.length} entries unassignable`];
  const problems = [];
  const conflicted = new Set(input.conflicts.map((c) => `${c.entryId}|${c.judgeId}`));
  const panels = new Map(input.entries.map((e) => [e.id, new Set()]));
  for (const { entryId, judgeId } of result.assignments) {
    if (conflicted.has(`${entryId}|${judgeId}`)) problems.push(`conflicted pair ${entryId} ${judgeId}`);
    panels.get(entryId).add(judgeId);
  }
  if (result.assignments.length !== ENTRIES * JUDGES_PER_ENTRY) problems.push(`${result.assignments.length} assignments`);
  for (const [entryId, panel] of panels) if (panel.size !== JUDGES_PER_ENTRY) problems.push(`${entryId} has ${panel.size} judges`);
  const loads = Object.values(result.perJudgeLoad);
  // 15,000 seats over 200 judges is 75 each; random 5 % conflicts leave plenty of room for that.
  if (Math.max(...loads) - Math.min(...loads) > 1) problems.push(`loads spread ${Math.min(...loads)}..${Math.max(...loads)}`);
  return problems.slice(0, 5);
}

const { assignJudges } = await loadDomain();
const input = makeContest();
const times = [];
let result;
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  result = assignJudges(input);
  times.push(performance.now() - started);
}
const sorted = [...times].sort((a, b) => a - b);
const median = Math.round(sorted[Math.floor(RUNS / 2)] * 10) / 10;
const problems = problemsWith(result, input);
const met = problems.length === 0 && median < GOAL_MS;

console.log(
  `assignJudges: ${ENTRIES} entries, ${JUDGES} judges, k = ${JUDGES_PER_ENTRY}, ${input.conflicts.length} conflicts; ` +
    `runs ${times.map((t) => t.toFixed(0)).join(', ')} ms; median ${median} ms (goal ${GOAL_MS} ms)`,
);
for (const problem of problems) console.error(`invalid result: ${problem}`);
console.log(JSON.stringify({ name: 'assignment', value: median, unit: 'ms', goal: GOAL_MS, met }));
process.exitCode = met ? 0 : 1;
