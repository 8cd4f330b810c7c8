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
const dataDir = throwaway
  ? mkdtempSync(join(tmpdir(), 'laurel-run-'))
  : resolve(root, process.env.LAUREL_DATA_DIR ?? '.laurel');
const port = process.env.PORT ?? '3000';

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
let embedded = null;
if (!databaseUrl) {
  console.log(`Starting the embedded PostgreSQL (data in ${dataDir}/pg)…`);
  embedded = await startEmbeddedPostgres({
    dir: dataDir,
    throwaway,
    port: process.env.LAUREL_PG_PORT ? Number(process.env.LAUREL_PG_PORT) : undefined,
  });
  databaseUrl = embedded.url;
}

const env = { ...process.env, DATABASE_URL: databaseUrl, LAUREL_DATA_DIR: dataDir, PORT: port };
if (embedded) {
  // Never seeded silently into a database given by DATABASE_URL: `npm run seed:demo` does that.
  run(process.execPath, [join(root, 'dist/apps/api/cli.js'), 'seed-demo'], env);
}

const api = spawn(process.execPath, ['--enable-source-maps', join(root, 'dist/apps/api/main.js')], {
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
${embedded ? `
  Demo accounts, password "laurel-demo":
    admin@demo.laurel        administrator
    organizer@demo.laurel    organizer of the demo contest
    judge1@demo.laurel … judge3@demo.laurel   judges
    startup1@demo.laurel, startup2@demo.laurel   applicants
` : ''}
  Stop with Ctrl+C.`);
});

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  api.kill(signal);
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

api.on('exit', async (code) => {
  if (embedded) await embedded.stop().catch(() => undefined);
  process.exit(code ?? 0);
});
