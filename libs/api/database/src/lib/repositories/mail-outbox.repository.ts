import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { MailLanguage, OutboxMailView, OutboxQuery as OutboxPageQuery, PageQuery } from '@laurel/contracts';
import { returningRows } from './returning-rows';
import { known } from '@laurel/domain';

export interface NewOutboxMessage {
  to: string;
  userId: string | null;
  contestId: string | null;
  template: string;
  language: MailLanguage;
  subject: string;
  text: string;
  html: string;
  /** The one link the recipient must open, if any: printed alone on a line when captured. */
  actionUrl: string | null;
}

/** What the deliverer needs to send one message. */
export interface OutboxDelivery {
  id: string;
  to: string;
  template: string;
  subject: string;
  text: string;
  html: string;
  actionUrl: string | null;
  attempts: number;
}

/** A message as stored: what the outbox page shows of it with dates as dates, and whom and in which language it was for. */
export type OutboxRow = Omit<OutboxMailView, 'createdAt' | 'sentAt'> & {
  userId: string | null;
  contestId: string | null;
  language: MailLanguage;
  createdAt: Date;
  sentAt: Date | null;
};

/** The outbox page's filters with its paging decided. */
export type OutboxQuery = Omit<OutboxPageQuery, keyof PageQuery> & Required<PageQuery>;

const COLUMNS = `id, to_address AS "to", user_id AS "userId", contest_id AS "contestId", template, language, subject,
  status, attempts, last_error AS "lastError", created_at AS "createdAt", sent_at AS "sentAt", text_body AS text,
  action_url AS "actionUrl"`;

/** The mail outbox: messages written with the change that causes them, then their delivery. */
@Injectable()
export class MailOutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts the message inside the caller's transaction. */
  async insert(manager: EntityManager, message: NewOutboxMessage): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO mail_outbox (to_address, user_id, contest_id, template, language, subject, text_body, html_body, action_url)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        message.to,
        message.userId,
        message.contestId,
        message.template,
        message.language,
        message.subject,
        message.text,
        message.html,
        message.actionUrl,
      ],
    );
    return known(rows[0], 'the inserted message').id;
  }

  /** Inserts many messages in one statement inside the caller's transaction; ids in the order given. */
  async insertMany(manager: EntityManager, messages: readonly NewOutboxMessage[]): Promise<string[]> {
    if (messages.length === 0) return [];
    const ids = messages.map(() => randomUUID());
    const column = <K extends keyof NewOutboxMessage>(key: K) => messages.map((m) => m[key]);
    await manager.query(
      `INSERT INTO mail_outbox (id, to_address, user_id, contest_id, template, language, subject, text_body, html_body, action_url)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])`,
      [
        ids,
        column('to'),
        column('userId'),
        column('contestId'),
        column('template'),
        column('language'),
        column('subject'),
        column('text'),
        column('html'),
        column('actionUrl'),
      ],
    );
    return ids;
  }

  // The delivery worker's statements carry `/* mail-delivery */`: they run in the background,
  // after the request that queued the mail has answered, and the statement guard leaves them out.

  /**
   * Counts one more attempt of each message and returns those still waiting, in one statement;
   * a message sent or captured by an earlier attempt, failed for good, or gone is left out.
   */
  async claim(ids: readonly string[]): Promise<OutboxDelivery[]> {
    if (ids.length === 0) return [];
    return returningRows<OutboxDelivery>(
      this.dataSource.manager,
      `/* mail-delivery */ UPDATE mail_outbox SET attempts = attempts + 1 WHERE id = ANY($1::uuid[]) AND status = 'queued'
       RETURNING id, to_address AS "to", template, subject, text_body AS text, html_body AS html, action_url AS "actionUrl", attempts`,
      [ids],
    );
  }

  /** Sent: the bodies go, since they may hold single-use links. */
  async markSent(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(
      `/* mail-delivery */ UPDATE mail_outbox SET status = 'sent', sent_at = now(), last_error = NULL, text_body = NULL, html_body = NULL, action_url = NULL
        WHERE id = ANY($1::uuid[]) AND status = 'queued'`,
      [ids],
    );
  }

  async markCaptured(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(
      `/* mail-delivery */ UPDATE mail_outbox SET status = 'captured', sent_at = now() WHERE id = ANY($1::uuid[]) AND status = 'queued'`,
      [ids],
    );
  }

  /** A failed attempt; `final` when no retry is left. */
  async markAttemptFailed(id: string, error: string, final: boolean): Promise<void> {
    await this.dataSource.query(
      `/* mail-delivery */ UPDATE mail_outbox SET last_error = $2, status = CASE WHEN $3 THEN 'failed' ELSE status END WHERE id = $1 AND status = 'queued'`,
      [id, error.slice(0, 1000), final],
    );
  }

  /** A failed message waits again (its text was kept); false when it had not failed. */
  async requeue(manager: EntityManager, id: string): Promise<boolean> {
    const rows = await returningRows<{ id: string }>(
      manager,
      `UPDATE mail_outbox SET status = 'queued' WHERE id = $1 AND status = 'failed' RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  async find(id: string): Promise<OutboxRow | null> {
    const rows: OutboxRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM mail_outbox WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Newest first. */
  async page(query: OutboxQuery): Promise<{ items: OutboxRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.status) {
      params.push(query.status);
      where.push(`status = $${params.length}`);
    }
    if (query.to) {
      params.push(`%${query.to.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`lower(to_address) LIKE $${params.length}`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [counted]: { total: number }[] = await this.dataSource.query(`SELECT count(*)::int AS total FROM mail_outbox ${clause}`, params);
    const { total } = known(counted, 'the outbox count');
    const items: OutboxRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM mail_outbox ${clause} ORDER BY created_at DESC, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return { items, total };
  }
}
