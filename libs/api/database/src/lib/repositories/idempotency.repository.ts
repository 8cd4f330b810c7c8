import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export type IdempotencyClaim =
  { kind: 'claimed' } | { kind: 'replay'; statusCode: number; response: unknown } | { kind: 'in_progress' } | { kind: 'mismatch' };

/** Remembers the first answer to a POST carrying an Idempotency-Key, for 24 hours. */
@Injectable()
export class IdempotencyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async claim(scope: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
    const inserted = await this.dataSource.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
      [scope, key, requestHash],
    );
    if (inserted.length > 0) {
      if (Math.random() < 0.01) void this.forgetOld();
      return { kind: 'claimed' };
    }
    const [row] = await this.dataSource.query(
      `SELECT request_hash, status_code, response FROM idempotency_keys WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    if (!row) return this.claim(scope, key, requestHash);
    if (row.request_hash !== requestHash) return { kind: 'mismatch' };
    if (row.status_code === null) return { kind: 'in_progress' };
    return { kind: 'replay', statusCode: row.status_code, response: row.response };
  }

  async complete(scope: string, key: string, statusCode: number, response: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET status_code = $3, response = $4, completed_at = now() WHERE scope = $1 AND key = $2`,
      [scope, key, statusCode, JSON.stringify(response ?? null)],
    );
  }

  /** A request that failed on our side may be retried with the same key. */
  async release(scope: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND status_code IS NULL`, [scope, key]);
  }

  private async forgetOld(): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours'`).catch(() => undefined);
  }
}
