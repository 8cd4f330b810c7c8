import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Runs a statement of the hot path (a judge's autosave, a submit, the session check of every
 * request) as a named prepared statement on node-postgres's pool, which TypeORM holds.
 *
 * TypeORM sends every query unnamed, so PostgreSQL parses and plans it on each call: for the
 * sheet's one read (eight joins and two aggregates) planning took four times as long as running
 * it. A named statement is parsed once per connection, and after five runs PostgreSQL keeps a
 * generic plan. Each `name` must always go with the same `text` (node-postgres refuses a name
 * reused for another text); connections opened later prepare it again on their first call.
 * Errors are node-postgres's own (`code` is the SQLSTATE), which every check here reads alike.
 */
export async function preparedRows<T>(dataSource: DataSource, name: string, text: string, values: unknown[]): Promise<T[]> {
  // TypeORM's PostgreSQL driver keeps node-postgres's pool as `master`.
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const result = await pool.query({ name, text, values });
  return result.rows as T[];
}
