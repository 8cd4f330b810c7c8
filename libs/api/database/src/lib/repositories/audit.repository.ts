import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';

/** Any constant works; every Laurel process must use the same one to serialize audit writers. */
const AUDIT_LOCK_KEY = 7_220_431_003;
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

export interface AuditEventInput {
  contestId?: string | null;
  actorId?: string | null;
  action: string;
  subjectType?: string | null;
  subjectId?: string | null;
  payload?: Record<string, unknown>;
}

export interface AuditEventRow {
  id: string;
  contestId: string | null;
  actorId: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  payload: Record<string, unknown>;
  occurredAt: string;
  prevHash: string;
  hash: string;
}

export interface AuditPageQuery {
  contestId: string;
  action?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

/** JSON with object keys sorted at every depth: the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function auditHash(prevHash: string, event: Omit<AuditEventRow, 'id' | 'prevHash' | 'hash'>): string {
  const canonical = canonicalJson({
    contestId: event.contestId,
    actorId: event.actorId,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    payload: event.payload,
    occurredAt: event.occurredAt,
  });
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

const SELECT = `SELECT id::text, contest_id AS "contestId", actor_id AS "actorId", action, subject_type AS "subjectType",
  subject_id AS "subjectId", payload, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurredAt",
  prev_hash AS "prevHash", hash FROM audit_events`;

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends an event to the hash chain inside the caller's transaction, so the event exists
   * exactly when the change does. The advisory lock serializes writers across processes: two
   * concurrent transactions can never both link to the same previous event.
   */
  async record(manager: EntityManager, input: AuditEventInput): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      await this.dataSource.transaction((tx) => this.record(tx, input));
      return;
    }
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK_KEY]);
    const [last] = await manager.query(`SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1`);
    const prevHash: string = last?.hash ?? AUDIT_GENESIS_HASH;
    const event = {
      contestId: input.contestId ?? null,
      actorId: input.actorId ?? null,
      action: input.action,
      subjectType: input.subjectType ?? null,
      subjectId: input.subjectId ?? null,
      payload: input.payload ?? {},
      occurredAt: new Date().toISOString(),
    };
    await manager.query(
      `INSERT INTO audit_events (contest_id, actor_id, action, subject_type, subject_id, payload, occurred_at, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        event.contestId,
        event.actorId,
        event.action,
        event.subjectType,
        event.subjectId,
        JSON.stringify(event.payload),
        event.occurredAt,
        prevHash,
        auditHash(prevHash, event),
      ],
    );
  }

  async page(query: AuditPageQuery): Promise<{ items: AuditEventRow[]; total: number }> {
    const where = ['contest_id = $1'];
    const params: unknown[] = [query.contestId];
    if (query.action) where.push(`action = $${params.push(query.action)}`);
    if (query.actorId) where.push(`actor_id = $${params.push(query.actorId)}`);
    if (query.from) where.push(`occurred_at >= $${params.push(query.from)}`);
    if (query.to) where.push(`occurred_at < $${params.push(query.to)}`);
    const clause = where.join(' AND ');
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM audit_events WHERE ${clause}`, params);
    const items = await this.dataSource.query(
      `${SELECT} WHERE ${clause} ORDER BY audit_events.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return { items, total };
  }

  /** Walks the whole chain in batches and names the first event whose hash does not match. */
  async verify(batchSize = 5000): Promise<{ valid: boolean; count: number; firstBrokenEventId?: string }> {
    let prevHash = AUDIT_GENESIS_HASH;
    let lastId = '0';
    let count = 0;
    for (;;) {
      const rows: AuditEventRow[] = await this.dataSource.query(`${SELECT} WHERE id > $1 ORDER BY audit_events.id LIMIT $2`, [lastId, batchSize]);
      for (const row of rows) {
        count++;
        if (row.prevHash !== prevHash || auditHash(prevHash, row) !== row.hash) {
          return { valid: false, count, firstBrokenEventId: row.id };
        }
        prevHash = row.hash;
        lastId = row.id;
      }
      if (rows.length < batchSize) return { valid: true, count };
    }
  }
}
