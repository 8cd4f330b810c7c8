// `node tools/bench/results-exactness.mjs [--against=<git ref>] [--rounds=3000] [--times=8]`
//
// The results computation of this working tree against the same code at another commit (main by
// default), with no database: the rows of a round → roundInput → computeRoundResults →
// resultsView → JSON, as RoundResultsService runs them. Speed work on results must keep every
// answer the same to the last bit, so this compares the JSON byte for byte on random rounds
// (every method, both ranking scopes, priority criteria, trims, public votes, rows in any order,
// ties, partial panels, bad input that must be refused with the same message) and on rounds of
// the bench's shape (1,000 and 10,000 entries × 5 judges × 10 criteria, complete panel), then
// times each phase of the 10,000-entry round for both (fastest of --times, alternating). Exits 1
// on the first difference. Both trees are bundled with esbuild into a temporary folder.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const against = arg('against', 'main');
const ROUNDS = Number(arg('rounds', '3000'));
const TIMES = Number(arg('times', '8'));

const work = mkdtempSync(join(tmpdir(), 'laurel-exactness-'));

/** Bundles round-view and the domain of the tree at `source` into `<work>/<name>.mjs`. */
async function bundle(source, name) {
  const domain = join(source, 'libs/shared/domain/src/index.ts');
  const view = join(source, 'libs/api/round-results/src/lib/round-view.ts');
  const outfile = join(work, `${name}.mjs`);
  await build({
    stdin: {
      contents: `export { computeRoundResults } from ${JSON.stringify(domain)};
                 export { roundInput, resultsView, withOutcomes } from ${JSON.stringify(view)};`,
      resolveDir: source,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile,
    alias: { '@laurel/domain': domain },
    logLevel: 'error',
  });
  return import(pathToFileURL(outfile).href);
}

const oldTree = join(work, 'old');
execFileSync('mkdir', ['-p', oldTree]);
execFileSync('sh', ['-c', `git -C "${root}" archive "${against}" libs/shared/domain libs/api/round-results | tar -x -C "${oldTree}"`]);
const [before, after] = await Promise.all([bundle(oldTree, 'old'), bundle(root, 'new')]);
const commit = execFileSync('git', ['-C', root, 'rev-parse', '--short', against]).toString().trim();

// A small deterministic PRNG (mulberry32), so every run checks the same rounds.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const id = (prefix, n) => `${prefix}${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`;
const COMPUTED_AT = new Date('2026-12-05T00:00:00Z');

/** A round and its rows as ResultsRepository reads them. */
function randomRound(rand, n) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const criteria = Array.from({ length: 1 + Math.floor(rand() * 5) }, (_, k) => ({
    id: id('c', k),
    name: `C${k}`,
    weight: pick([1, 2, 25, 40, 0.5, 33.3]),
    maxScore: pick([5, 10, 100, 7.5]),
  }));
  const judges = Array.from({ length: 1 + Math.floor(rand() * 7) }, (_, j) => ({ id: id('a', j * 7919 + n), name: `Judge ${j}` }));
  const categories = [null, id('d', 1), id('d', 2)];
  const entryCount = Math.floor(rand() * 14);
  const coarse = rand() < 0.5; // few distinct values: many ties
  const entries = Array.from({ length: entryCount }, (_, e) => ({
    entryId: id('e', e * 104729 + n),
    code: `C-${e}`,
    title: `Entry ${e}`,
    teamName: `Team ${e}`,
    categoryId: pick(categories),
    eligible: true,
    outcome: pick(['pending', 'pending', 'advanced', 'eliminated']),
    assigned: Math.floor(rand() * 6),
    recused: Math.floor(rand() * 2),
    extra: rand() < 0.2 ? [judges[0].id] : null,
    votes: Math.floor(rand() * 50),
  }));
  const complete = rand() < 0.4;
  const sheets = [];
  for (const entry of entries) {
    for (const judge of judges) {
      if (!complete && rand() < 0.35) continue;
      const values = criteria.map((c) => {
        const v = coarse ? Math.round(rand() * 2) * (c.maxScore / 2) : Math.round(rand() * c.maxScore * 100) / 100;
        return v.toFixed(2);
      });
      // Now and then a sheet the domain must refuse, or one without a value.
      if (rand() < 0.004) values[0] = (criteria[0].maxScore + 1).toFixed(2);
      if (rand() < 0.004) values.pop();
      sheets.push({ entryId: entry.entryId, judgeId: judge.id, values: values.length > 0 ? values.join(',') : null });
    }
  }
  // Now and then a judge's second sheet for an entry, or a sheet of an entry the round does not
  // cover: refused, the first problem in the order of the rows.
  if (sheets.length > 0 && rand() < 0.03) sheets.splice(Math.floor(rand() * sheets.length), 0, { ...pick(sheets) });
  if (sheets.length > 0 && rand() < 0.01) sheets.splice(Math.floor(rand() * sheets.length), 0, { ...pick(sheets), entryId: id('x', n) });
  // The repository reads sheets by entry, then judge; now and then another order.
  if (rand() < 0.3) sheets.sort(() => rand() - 0.5);
  else sheets.sort((a, b) => (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : a.judgeId < b.judgeId ? -1 : 1));
  const vote = rand() < 0.25;
  const round = {
    id: id('r', n),
    contestId: id('k', n),
    name: `Round ${n}`,
    order: 1,
    status: 'open',
    panel: complete ? 'complete' : 'assigned',
    blind: false,
    aggregation: pick(['mean', 'median', 'trimmed_mean', 'zscore']),
    trim: pick([0, 1, 1, 2]),
    minSheetsForNormalization: pick([1, 2, 5]),
    rankBy: pick(['overall', 'category']),
    priorityCriteria: rand() < 0.5 ? criteria.slice(0, 1 + Math.floor(rand() * criteria.length)).map((c) => c.id) : [],
    spreadThreshold: pick([0, 5, 15]),
    divergenceThreshold: pick([null, 10, 20]),
    judgesPerEntry: 3,
    publicVote: vote ? { enabled: true, roundId: id('r', n), share: pick([0, 0.2, 0.5]), scope: pick(['overall', 'category']) } : null,
    ownerId: id('o', 1),
    contestStatus: 'judging',
  };
  return { round, rows: { criteria, judges, entries, sheets } };
}

/** A round of the bench's shape: every judge on every entry, values 0.00–10.00, by entry then judge. */
function benchRound(entryCount, method) {
  const rand = random(entryCount);
  const criteria = Array.from({ length: 10 }, (_, k) => ({ id: id('c', k), name: `Criterion ${k}`, weight: 1, maxScore: 10 }));
  const judges = Array.from({ length: 5 }, (_, j) => ({ id: id('a', j), name: `Judge ${j}` }));
  const entries = Array.from({ length: entryCount }, (_, e) => ({
    entryId: id('e', e),
    code: `B-${e}`,
    title: `Startup ${e}: a better way to do thing ${e}`,
    teamName: `Team ${e}`,
    categoryId: e % 2 === 0 ? id('d', 1) : id('d', 2),
    eligible: true,
    outcome: 'pending',
    assigned: 5,
    recused: 0,
    extra: null,
  }));
  const sheets = [];
  for (const entry of entries) {
    for (const judge of judges) {
      sheets.push({
        entryId: entry.entryId,
        judgeId: judge.id,
        values: criteria.map(() => (Math.floor(rand() * 1001) / 100).toFixed(2)).join(','),
      });
    }
  }
  const round = {
    ...randomRound(random(1), 1).round,
    aggregation: method,
    trim: 1,
    minSheetsForNormalization: 5,
    rankBy: 'overall',
    priorityCriteria: [],
    spreadThreshold: 15,
    divergenceThreshold: null,
    publicVote: null,
    panel: 'complete',
  };
  return { round, rows: { criteria, judges, entries, sheets } };
}

/** The answer's JSON, or the refusal's message. */
function answer(code, { round, rows }) {
  try {
    const results = code.computeRoundResults(code.roundInput(round, rows));
    return JSON.stringify(code.withOutcomes(code.resultsView(round, rows, results, COMPUTED_AT), rows.entries));
  } catch (error) {
    return `refused: ${error?.message}`;
  }
}

function compare(what, round) {
  const a = answer(before, round);
  const b = answer(after, round);
  if (a === b) return a.startsWith('refused') ? 'refused' : 'same';
  let at = 0;
  while (a[at] === b[at]) at++;
  console.error(
    `DIFFERENT: ${what} at character ${at}\n  ${commit}: …${a.slice(Math.max(0, at - 80), at + 80)}\n  now: …${b.slice(Math.max(0, at - 80), at + 80)}`,
  );
  process.exit(1);
}

const counts = { same: 0, refused: 0 };
for (let n = 0; n < ROUNDS; n++) counts[compare(`random round ${n}`, randomRound(random(n + 1), n))]++;
console.log(
  `${ROUNDS} random rounds: the same JSON as ${commit} (${counts.same} answered, ${counts.refused} refused with the same message)`,
);
for (const size of [1000, 10000]) {
  for (const method of ['mean', 'zscore', 'median', 'trimmed_mean']) compare(`bench round ${size} ${method}`, benchRound(size, method));
}
console.log(`bench rounds 1,000 and 10,000 × 5 × 10 under mean, zscore, median, trimmed_mean: the same JSON as ${commit}`);

// Phases of one 10,000-entry read, as the Server-Timing header splits them (map = rows → input
// plus results → view; json = JSON.stringify), in CPU time of this process (which holds on a busy
// machine where wall clock does not), fastest of TIMES, old and new alternating.
const big = benchRound(10000, 'mean');
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
function phases(code) {
  let t = cpuMs();
  const input = code.roundInput(big.round, big.rows);
  const toInput = cpuMs() - t;
  t = cpuMs();
  const results = code.computeRoundResults(input);
  const domain = cpuMs() - t;
  t = cpuMs();
  const view = code.withOutcomes(code.resultsView(big.round, big.rows, results, COMPUTED_AT), big.rows.entries);
  const toView = cpuMs() - t;
  t = cpuMs();
  JSON.stringify(view);
  const json = cpuMs() - t;
  return { toInput, domain, toView, json };
}
const best = { [commit]: {}, now: {} };
for (let i = 0; i < TIMES; i++) {
  for (const [name, code] of [
    [commit, before],
    ['now', after],
  ]) {
    const p = phases(code);
    for (const [k, v] of Object.entries(p)) best[name][k] = Math.min(best[name][k] ?? Infinity, v);
  }
}
const fmt = (p) =>
  `rows → input ${p.toInput.toFixed(1)}, domain ${p.domain.toFixed(1)}, results → view ${p.toView.toFixed(1)}, JSON ${p.json.toFixed(1)} ms`;
console.log(`10,000 × 5 × 10, CPU ms, fastest of ${TIMES}:\n  ${commit}: ${fmt(best[commit])}\n  now: ${fmt(best.now)}`);
rmSync(work, { recursive: true, force: true });
