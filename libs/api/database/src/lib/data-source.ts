import { DataSource, DataSourceOptions } from 'typeorm';
import { DatabaseLogger } from './database-logger';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface DatabaseOptions {
  url: string;
  poolMax?: number;
  applicationName?: string;
}

/** One description of the database for the API, the CLI (migrate, reset, seed) and the tests. */
export function dataSourceOptions({ url, poolMax = 10, applicationName = 'laurel-api' }: DatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error', 'warn', 'migration'],
    logger: new DatabaseLogger(),
    applicationName,
    extra: { max: poolMax, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30000 },
  };
}

export function createDataSource(options: DatabaseOptions): DataSource {
  return new DataSource(dataSourceOptions(options));
}

/** Drops every table of the schema (db:reset) and migrates again from empty. */
export async function resetDatabase(dataSource: DataSource): Promise<void> {
  await dataSource.query('DROP SCHEMA public CASCADE');
  await dataSource.query('CREATE SCHEMA public');
  await dataSource.runMigrations({ transaction: 'each' });
}
