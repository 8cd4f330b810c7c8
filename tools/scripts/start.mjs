// `npm start`: builds what is missing, starts PostgreSQL (embedded under .laurel/ unless
// DATABASE_URL is given), seeds the demo contest the first time (embedded mode only), then runs
// the API, which migrates the database and serves the console on one port.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from './embedded-db.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = new Set(process.argv.slice(2));
// --throwaway: a fresh database and data directory, deleted at exit (browser tests use it).
const throwaway = args.has('--throwaway');
const dataDir = throwaway ? mkdtempSync(join(tmpdir(), 'laurel-run-')) : resolve(root, process.env.LAUREL_DATA_DIR ?? '.laurel');
const port = process.env.PORT ?? '3000';

// Every signal that ends a process ends the whole run: the API and the embedded PostgreSQL are
// stopped and waited for, whatever step the start is at, so nothing is left running behind.
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];
let api = null;
let embedded = null;
let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  if (api && api.exitCode === null) {
    api.kill(signal);
    return; // the API's exit handler stops PostgreSQL and exits
  }
  if (embedded) await embedded.stop().catch(() => undefined);
  process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : signal === 'SIGQUIT' ? 3 : 15));
}
for (const signal of SIGNALS) process.on(signal, () => void stop(signal));

function run(command, commandArgs, env = process.env) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`\n${command} ${commandArgs.join(' ')} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

if (!args.has('--no-build')) {
  const missing = ['dist/apps/api/main.js', 'dist/apps/console/browser/index.html'].filter((f) => !existsSync(join(root, f)));
  if (missing.length > 0 || args.has('--build')) {
    console.log('Building the API and the console (the first time takes a minute or two)…');
    run('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'console', '--output-style=static'], {
      ...process.env,
      NX_DAEMON: 'false',
      NX_NO_CLOUD: 'true',
    });
  }
}

let databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.log(`Starting the embedded PostgreSQL (data in ${dataDir}/pg)…`);
  try {
    embedded = await startEmbeddedPostgres({
      dir: dataDir,
      throwaway,
      port: process.env.LAUREL_PG_PORT ? Number(process.env.LAUREL_PG_PORT) : undefined,
      log: (line) => (line.startsWith('waiting for the previous') ? console.log(line) : undefined),
    });
  } catch (error) {
    console.error(`\n${error?.message ?? 'The embedded PostgreSQL could not start.'}`);
    process.exit(1);
  }
  databaseUrl = embedded.url;
  // A signal that came while PostgreSQL was starting: stop it now that it can be stopped.
  if (stopping) {
    await embedded.stop().catch(() => undefined);
    process.exit(143);
  }
}

const env = { ...process.env, DATABASE_URL: databaseUrl, LAUREL_DATA_DIR: dataDir, PORT: port };
if (embedded) {
  // Never seeded silently into a database given by DATABASE_URL: `npm run seed:demo` does that.
  run(process.execPath, [join(root, 'dist/apps/api/cli.js'), 'seed-demo'], env);
}

api = spawn(process.execPath, ['--enable-source-maps', join(root, 'dist/apps/api/main.js')], {
  cwd: root,
  env,
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});

api.on('message', (message) => {
  if (message?.type !== 'listening') return;
  const url = `http://localhost:${port}`;
  console.log(`
  Laurel is running at ${url}
    console   ${url}/
    API docs  ${url}/api/docs
    health    ${url}/api/health
${
  embedded
    ? `
  Demo accounts, password "laurel-demo":
    admin@demo.laurel        administrator
    organizer@demo.laurel    organizer of the demo contest
    judge1@demo.laurel … judge3@demo.laurel   judges
    startup1@demo.laurel, startup2@demo.laurel   applicants
`
    : ''
}
  Stop with Ctrl+C.`);
});

api.on('exit', async (code) => {
  if (embedded) await embedded.stop().catch(() => undefined);
  process.exit(code ?? 0);
});
