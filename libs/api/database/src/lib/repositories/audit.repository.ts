import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditAction, AuditEventView, AuditVerificationView } from '@laurel/contracts';
import { preparedRows } from './prepared';

export const AUDIT_GENESIS_HASH = '0'.repeat(64);

export interface AuditEventInput {
  contestId?: string | null;
  actorId?: string | null;
  /** One of the contracts' `AUDIT_ACTIONS`: the console words exactly those. */
  action: AuditAction;
  subjectType?: string | null;
  subjectId?: string | null;
  payload?: Record<string, unknown>;
}

/** A stored event is what the API shows of it (`occurredAt` as stored text: the hash covers that text). */
export type AuditEventRow = AuditEventView;

export interface AuditPageQuery {
  contestId: string;
  action?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

/**
 * JSON with object keys sorted at every depth: the same event always hashes the same. Built in one
 * string, key by key: every audited write (a judge's autosave among them) hashes its event's text,
 * and the lists of pairs, filtered and mapped copies and joins of the first version were about a
 * twentieth of what the API allocated per save. The bytes are the first version's, for any value
 * (audit-chain-walk.spec.ts checks it against that version): stored hashes verify as before.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) text += ',';
      // As `map` and `join` had it: a hole, or a value JSON cannot write (a function), adds nothing.
      if (i in value) text += canonicalJson(value[i]) ?? '';
    }
    return `${text}]`;
  }
  const record = value as Record<string, unknown>;
  // Code-unit order, as the first version's `a < b` comparison.
  const keys = Object.keys(record).sort();
  let text = '{';
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    if (text.length > 1) text += ',';
    text += `${JSON.stringify(key)}:${canonicalJson(item)}`;
  }
  return `${text}}`;
}

/** The text an event is hashed over (after its previous hash and a newline). */
export function canonicalEvent(event: Omit<AuditEventRow, 'id' | 'prevHash' | 'hash'>): string {
  return canonicalJson({
    contestId: event.contestId,
    actorId: event.actorId,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    payload: event.payload,
    occurredAt: event.occurredAt,
  });
}

export function auditHash(prevHash: string, event: Omit<AuditEventRow, 'id' | 'prevHash' | 'hash'>): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalEvent(event)).digest('hex');
}

const SELECT = `SELECT id::text, contest_id AS "contestId", actor_id AS "actorId", action, subject_type AS "subjectType",
  subject_id AS "subjectId", payload, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurredAt",
  prev_hash AS "prevHash", hash FROM audit_events`;

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends an event to its contest's chain (the platform chain without a contest) inside the
   * caller's transaction, so the event exists exactly when the change does. One statement: the
   * chain's head row is locked, linked and moved on (see `auditAppend`).
   */
  async record(manager: EntityManager, input: AuditEventInput): Promise<void> {
    const append = auditAppend(input, 1);
    await manager.query(`WITH ${append.ctes} SELECT 1`, append.params);
  }

  /**
   * Appends an event that goes with no other write (a sign-in, a failed one), on its own outside
   * any transaction: `record`'s statement, prepared once per connection (see `preparedRows`).
   */
  async recordAlone(input: AuditEventInput): Promise<void> {
    const append = auditAppend(input, 1);
    await preparedRows(this.dataSource, 'audit-append', `WITH ${append.ctes} SELECT 1`, append.params);
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

  /**
   * What a person calls the ids of a page of events: people by their names, entries by code and
   * title, rounds, categories and contests by name, assignments, sheets and conflicts by entry
   * code and judge. Ids of another contest are not named.
   */
  async names(contestId: string, ids: readonly string[]): Promise<Record<string, string>> {
    if (ids.length === 0) return {};
    const rows: { id: string; label: string }[] = await this.dataSource.query(
      `WITH wanted AS (SELECT unnest($1::uuid[]) AS id)
       SELECT u.id::text, u.display_name AS label FROM users u JOIN wanted w ON w.id = u.id
       UNION ALL SELECT c.id::text, c.name FROM contests c JOIN wanted w ON w.id = c.id WHERE c.id = $2
       UNION ALL SELECT r.id::text, r.name FROM rounds r JOIN wanted w ON w.id = r.id WHERE r.contest_id = $2
       UNION ALL SELECT k.id::text, k.name FROM categories k JOIN wanted w ON w.id = k.id WHERE k.contest_id = $2
       UNION ALL SELECT e.id::text, coalesce(e.code || ' · ', '') || e.title FROM entries e JOIN wanted w ON w.id = e.id WHERE e.contest_id = $2
       UNION ALL SELECT a.id::text, coalesce(e.code, e.title) || ' · ' || u.display_name
         FROM assignments a JOIN wanted w ON w.id = a.id JOIN entries e ON e.id = a.entry_id JOIN users u ON u.id = a.judge_id WHERE e.contest_id = $2
       UNION ALL SELECT s.id::text, coalesce(e.code, e.title) || ' · ' || u.display_name
         FROM score_sheets s JOIN wanted w ON w.id = s.id JOIN assignments a ON a.id = s.assignment_id JOIN entries e ON e.id = a.entry_id JOIN users u ON u.id = a.judge_id
         WHERE e.contest_id = $2
       UNION ALL SELECT f.id::text, coalesce(e.code, e.title) || ' · ' || u.display_name
         FROM conflicts f JOIN wanted w ON w.id = f.id JOIN entries e ON e.id = f.entry_id JOIN users u ON u.id = f.judge_id WHERE e.contest_id = $2
       UNION ALL SELECT i.id::text, i.display_name || ' <' || i.email || '>' FROM invitations i JOIN wanted w ON w.id = i.id WHERE i.contest_id = $2`,
      [[...new Set(ids)], contestId],
    );
    return Object.fromEntries(rows.map((row) => [row.id, row.label]));
  }

  /**
   * Checks one contest's chain, or every chain (the union) when `contestId` is undefined:
   * each event must link to the hash of the event before it in its chain and hash to what it
   * stores. Names the first event (by id) that does not.
   */
  async verify(contestId?: string, batchSize = 5000): Promise<AuditVerification> {
    const [legacy]: { lastId: string }[] = await this.dataSource.query(`SELECT last_id::text AS "lastId" FROM audit_legacy_chain`);
    const legacyLastId = legacy ? BigInt(legacy.lastId) : 0n;
    const walk = new AuditChainWalk(legacyLastId, contestId);
    // Before this chain's own events come the old platform-wide ones it is linked through.
    const where = contestId === undefined ? 'TRUE' : `(contest_id = $3 OR id <= $4)`;
    const params = contestId === undefined ? [] : [contestId, String(legacyLastId)];
    let lastId = '0';
    for (;;) {
      const rows: AuditEventRow[] = await this.dataSource.query(`${SELECT} WHERE id > $1 AND ${where} ORDER BY audit_events.id LIMIT $2`, [
        lastId,
        batchSize,
        ...params,
      ]);
      for (const row of rows) {
        if (!walk.accept(row)) return { valid: false, count: walk.count, firstBrokenEventId: row.id };
        lastId = row.id;
      }
      if (rows.length < batchSize) return { valid: true, count: walk.count };
    }
  }
}

export type AuditVerification = AuditVerificationView;

/** The key of an event's chain in `audit_chains`. */
export const auditChainKey = (contestId: string | null | undefined) => contestId ?? 'platform';

/**
 * Appending `input` as data-modifying CTEs (`audit_head`, `audit_event`) whose parameters start
 * at `$firstParam`, for a statement that writes a change and its event at once. With `when`, the
 * name of a CTE of that statement, the event is appended only when that CTE returned a row.
 * With `filled`, payload keys whose value (an id) only the statement knows: `{ entryId: 'SELECT
 * entry_id FROM guard' }` hashes and stores the event with that row's entry id as its
 * `payload.entryId`, exactly as if the caller had put it there (the canonical text is built with
 * a stand-in the statement replaces; the rest of such a payload must be ids and numbers, never
 * text a person wrote, so the stand-in cannot occur in it).
 *
 * The chain's head row is taken with INSERT … ON CONFLICT DO UPDATE: the row lock serializes
 * writers of one chain across processes (a second writer waits, then sees the head the first
 * one committed), and the new head is sha256(previous head, newline, the event's canonical JSON),
 * computed by PostgreSQL over the same bytes `auditHash` hashes when verifying. The event gets
 * its id after the lock is held, so within a chain ids follow the chain. (A plain UPDATE of the
 * head, with the INSERT only for a missing one, costs PostgreSQL more CPU under many writers of
 * one contest: a writer that waited re-checks the updated row through EvalPlanQual, where the
 * upsert only retries its index probe. Measured in issue 13's eighth pass, README → Performance.)
 */
export function auditAppend(
  input: AuditEventInput,
  firstParam: number,
  when?: string,
  filled: Record<string, string> = {},
): { ctes: string; params: unknown[] } {
  const shape = auditAppendShape(firstParam, when, filled);
  return { ctes: shape.ctes, params: shape.params(input) };
}

/** `auditAppend`'s statement text, built once, and the parameters of each event appended with it. */
export interface AuditAppendShape {
  readonly ctes: string;
  params(input: AuditEventInput): unknown[];
}

/**
 * `auditAppend` for a statement run again and again (a judge's autosave and submit): the CTEs'
 * text depends only on where its parameters start, `when` and the `filled` keys, so it is built
 * once, not per event (that text, and the closures building it, were a twentieth of the API's
 * JavaScript per save).
 */
export function auditAppendShape(firstParam: number, when?: string, filled: Record<string, string> = {}): AuditAppendShape {
  const stand = Object.keys(filled);
  const p = (i: number) => `$${firstParam + i}`;
  // Each stand-in's JSON (quotes included) becomes the JSON of the statement's id.
  const fill = (text: string) =>
    stand.reduce(
      (sql, key) => `replace(${sql}, ${sqlText(JSON.stringify(standIn(key)))}, '"' || (${filled[key] ?? ''})::text || '"')`,
      `${text}::text`,
    );
  const canonical = fill(p(2));
  const next = (prev: string) => `encode(sha256(convert_to(${prev} || chr(10) || ${canonical}, 'UTF8')), 'hex')`;
  const ctes = `audit_head AS (
      INSERT INTO audit_chains AS c (chain, prev_hash, head_hash)
      SELECT ${p(0)}::text, ${p(1)}::text, ${next(`${p(1)}::text`)}${when ? ` WHERE EXISTS (SELECT 1 FROM ${when})` : ''}
      ON CONFLICT (chain) DO UPDATE SET prev_hash = c.head_hash, head_hash = ${next('c.head_hash')}
      RETURNING prev_hash, head_hash),
    audit_event AS (
      INSERT INTO audit_events (contest_id, actor_id, action, subject_type, subject_id, payload, occurred_at, prev_hash, hash)
      SELECT ${p(3)}::uuid, ${p(4)}::uuid, ${p(5)}::text, ${p(6)}::text, ${p(7)}::text, ${fill(p(8))}::jsonb, ${p(9)}::timestamptz, prev_hash, head_hash
        FROM audit_head)`;
  const standIns = stand.map((key) => [key, standIn(key)] as const);
  return {
    ctes,
    params(input) {
      const payload: Record<string, unknown> = { ...input.payload };
      for (const [key, value] of standIns) payload[key] = value;
      const event = {
        contestId: input.contestId ?? null,
        actorId: input.actorId ?? null,
        action: input.action,
        subjectType: input.subjectType ?? null,
        subjectId: input.subjectId ?? null,
        payload,
        occurredAt: new Date().toISOString(),
      };
      return [
        auditChainKey(event.contestId),
        AUDIT_GENESIS_HASH,
        canonicalEvent(event),
        event.contestId,
        event.actorId,
        event.action,
        event.subjectType,
        event.subjectId,
        JSON.stringify(event.payload),
        event.occurredAt,
      ];
    },
  };
}

/**
 * Takes, without appending, the row locks `auditAppend` takes on the heads of the contests' chains
 * (in chain order, so two callers never wait on each other crosswise). Until the transaction ends,
 * no other audited write of those contests runs: conflict detection takes them before it reads the
 * judge–entry pairs, so that an assignment made in a transaction that writes the contest's audit
 * trail (a submit's divergence review) is either committed before that read or made after it, on
 * the changed facts. Every contest's chain has its head from the contest's creation (`contest.created`).
 */
export async function lockAuditChains(manager: EntityManager, contestIds: readonly string[]): Promise<void> {
  if (contestIds.length === 0) return;
  await manager.query(`SELECT chain FROM audit_chains WHERE chain = ANY($1::text[]) ORDER BY chain FOR NO KEY UPDATE`, [
    [...new Set(contestIds.map(auditChainKey))],
  ]);
}

/** What stands for a `filled` payload key until the statement puts its value there. */
const standIn = (key: string) => `?${key}`;

/** A string as an SQL literal (the stand-ins are code, never input). */
const sqlText = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * Events in id order, checked against the chain each belongs to. Up to `legacyLastId` the
 * events were one platform-wide chain (written before chains were per contest); after it, each
 * contest has its own, starting from the hash of its last old event or from the genesis hash.
 */
export class AuditChainWalk {
  count = 0;
  private legacyHead = AUDIT_GENESIS_HASH;
  private readonly heads = new Map<string, string>();

  constructor(
    private readonly legacyLastId: bigint,
    private readonly contestId: string | undefined,
  ) {}

  accept(row: AuditEventRow): boolean {
    const key = auditChainKey(row.contestId);
    const counted = this.contestId === undefined || row.contestId === this.contestId;
    const legacy = BigInt(row.id) <= this.legacyLastId;
    const prev = legacy ? this.legacyHead : (this.heads.get(key) ?? AUDIT_GENESIS_HASH);
    if (counted) this.count++;
    if (row.prevHash !== prev || auditHash(prev, row) !== row.hash) return false;
    if (legacy) this.legacyHead = row.hash;
    this.heads.set(key, row.hash);
    return true;
  }
}
