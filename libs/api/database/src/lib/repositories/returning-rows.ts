import type { EntityManager } from 'typeorm';

/**
 * The rows an UPDATE or DELETE … RETURNING gave back. TypeORM's PostgreSQL driver answers those
 * commands with `[rows, rowCount]` where SELECT and INSERT answer the rows alone.
 */
export async function returningRows<T>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<T[]> {
  const raw: unknown = await manager.query(sql, parameters);
  if (Array.isArray(raw) && raw.length === 2 && Array.isArray(raw[0]) && typeof raw[1] === 'number') return raw[0] as T[];
  return raw as T[];
}
