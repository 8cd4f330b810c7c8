// The throwaway PostgreSQL the A/B tools (ab-submit, ab-sign-in) drive both builds against.
import pg from 'pg';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../scripts/embedded-db.mjs';

/**
 * A throwaway embedded PostgreSQL under `<root>/tmp`, migrated by the CLI of the build at
 * `migrateRoot`, with a connected client for seeding and sampling; `stop()` ends both. `log`
 * gets the server's log lines.
 */
export async function startAbDatabase(root, migrateRoot, { log } = {}) {
  mkdirSync(join(root, 'tmp'), { recursive: true });
  const database = await startEmbeddedPostgres({ dir: join(root, 'tmp', `ab-pg-${process.pid}`), throwaway: true, log });
  const db = new pg.Client({ connectionString: database.url, application_name: 'laurel-bench' });
  const stop = async () => {
    await db.end().catch(() => undefined);
    await database.stop();
  };
  try {
    await db.connect();
    execFileSync(process.execPath, [join(migrateRoot, 'dist/apps/api/cli.js'), 'migrate'], {
      env: { ...process.env, DATABASE_URL: database.url },
      stdio: 'inherit',
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { database, db, stop };
}
