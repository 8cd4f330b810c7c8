import type { DataSource } from 'typeorm';

/** Any constant works; it only has to be the same for every Laurel process on the database. */
const MIGRATION_LOCK_KEY = 7_220_431_001;

/**
 * Runs pending migrations under a session advisory lock, so two API processes starting together
 * never race to create the same table.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
