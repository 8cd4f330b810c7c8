import type { EntityManager } from 'typeorm';

/**
 * The rows a statement with RETURNING gave back, whatever its command. TypeORM's PostgreSQL
 * driver answers `manager.query` with the rows for SELECT and INSERT but with `[rows, rowCount]`
 * for UPDATE and DELETE, so destructuring the first row of an UPDATE silently gives the whole
 * array; its structured result carries the rows as `records` for every command.
 */
export async function returningRows<T>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<T[]> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const result = await runner.query(sql, parameters, true);
    return (result.records ?? []) as T[];
  } finally {
    if (runner !== manager.queryRunner) await runner.release();
  }
}
