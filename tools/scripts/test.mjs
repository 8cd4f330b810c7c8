// `npm test`: the formatting check, lint and unit tests of every project, the API's HTTP tests against a real
// PostgreSQL, then the browser tests in a real Chromium (skipped, saying so, when none is found).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const steps = [];

function step(name, args) {
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  const result = spawnSync('npx', ['nx', ...args, '--output-style=static'], { cwd: root, stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  steps.push({ name, ok: result.status === 0, seconds });
  return result.status === 0;
}

function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((path) => path && existsSync(path));
}

/** A step that is not an Nx target: the formatting check runs once over the whole tree. */
function command(name, program, args) {
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(program, args, { cwd: root, stdio: 'inherit', env });
  steps.push({ name, ok: result.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(0) });
  return result.status === 0;
}

// Formatting first: it takes seconds and says exactly which files to run `npx prettier --write` on.
let ok = command('formatting (Prettier)', 'npx', ['prettier', '--check', '--log-level=warn', '.']);
ok = step('lint, type checks and unit tests', ['run-many', '-t', 'lint', 'typecheck', 'test']) && ok;
ok = step('API over HTTP against PostgreSQL', ['run-many', '-t', 'e2e', '-p', 'api-e2e']) && ok;

const chromium = chromiumPath();
if (!chromium) {
  console.log('\nSKIPPED browser tests: no Chromium found. Install it (Debian: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH.');
  steps.push({ name: 'browser tests', ok: true, seconds: '0', skipped: true });
} else if (existsSync(resolve(root, 'apps/console-e2e/project.json'))) {
  ok = step('browser tests in Chromium', ['run-many', '-t', 'e2e', '-p', 'console-e2e']) && ok;
}

console.log('\n=== summary ===');
for (const s of steps) console.log(`${s.skipped ? 'SKIP' : s.ok ? 'PASS' : 'FAIL'}  ${s.name} (${s.seconds} s)`);
const failed = steps.filter((s) => !s.ok).length;
console.log(`${steps.length - failed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
