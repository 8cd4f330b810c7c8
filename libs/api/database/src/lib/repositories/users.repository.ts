import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { UserEntity } from '../entities';
import type { MailLanguage, Role } from '@laurel/contracts';
import { preparedRows } from './prepared';
import { known } from '@laurel/domain';

/**
 * Every column of `users` (alias `u`) under its UserEntity property name, for a hand-written
 * statement whose rows are accounts as TypeORM would load them (node-postgres gives timestamps as
 * Dates, `roles` as an array). users.repository.spec.ts holds it to the entity's columns.
 */
export const USER_COLUMNS = `u.id, u.email, u.password_hash AS "passwordHash", u.display_name AS "displayName", u.roles, u.organization,
  u.language, u.email_verified_at AS "emailVerifiedAt", u.session_version AS "sessionVersion", u.disabled_at AS "disabledAt",
  u.created_at AS "createdAt", u.updated_at AS "updatedAt"`;

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  /** `manager`: read inside the caller's transaction (e.g. the recipient of a mail written there). */
  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return manager.getRepository(UserEntity).findOne({ where: { id } });
  }

  /** The name and mail language a person chose; absent fields stay. */
  async updateProfile(
    manager: EntityManager,
    userId: string,
    profile: { displayName?: string; language?: MailLanguage },
  ): Promise<UserEntity> {
    await manager.query(`UPDATE users SET display_name = coalesce($2, display_name), language = coalesce($3, language) WHERE id = $1`, [
      userId,
      profile.displayName ?? null,
      profile.language ?? null,
    ]);
    return manager.getRepository(UserEntity).findOneByOrFail({ id: userId });
  }

  /** Inserts unless the e-mail is taken (case-insensitively); null when it is. */
  async insertIfNew(user: {
    email: string;
    passwordHash: string;
    displayName: string;
    roles: Role[];
    language?: MailLanguage;
  }): Promise<UserEntity | null> {
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO users (email, password_hash, display_name, roles, language)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ((lower(email))) DO NOTHING
       RETURNING id`,
      [user.email, user.passwordHash, user.displayName, user.roles, user.language ?? 'vi'],
    );
    const [inserted] = rows;
    return inserted === undefined ? null : this.findById(inserted.id);
  }

  /**
   * A new password from a mailed link: proves the mailbox, and bumps the session version so
   * every token issued before is refused.
   */
  async setPasswordFromMailbox(manager: EntityManager, userId: string, passwordHash: string): Promise<UserEntity> {
    await manager.query(
      `UPDATE users SET password_hash = $2, session_version = session_version + 1,
                        email_verified_at = coalesce(email_verified_at, now()), updated_at = now()
        WHERE id = $1`,
      [userId, passwordHash],
    );
    return (await manager.findOne(UserEntity, { where: { id: userId } })) as UserEntity;
  }

  /** A new password chosen while signed in; older tokens stop working. */
  async changePassword(manager: EntityManager, userId: string, passwordHash: string): Promise<UserEntity> {
    await manager.query(`UPDATE users SET password_hash = $2, session_version = session_version + 1, updated_at = now() WHERE id = $1`, [
      userId,
      passwordHash,
    ]);
    return (await manager.findOne(UserEntity, { where: { id: userId } })) as UserEntity;
  }

  /** Refuses every token issued so far (sign out everywhere, a role change, disabling). */
  async bumpSessionVersion(manager: EntityManager, userId: string): Promise<UserEntity> {
    await manager.query(`UPDATE users SET session_version = session_version + 1, updated_at = now() WHERE id = $1`, [userId]);
    return (await manager.findOne(UserEntity, { where: { id: userId } })) as UserEntity;
  }

  /**
   * The current session version and standing of each account, for the token check: one statement
   * for however many accounts (the session check asks for every account whose answer it is about
   * to renew at once). An id with no account is absent from the map.
   */
  async sessionStates(userIds: readonly string[]): Promise<Map<string, { sessionVersion: number; disabled: boolean }>> {
    // Every signed-in request's check leads here now and then: prepared once per connection (see preparedRows).
    const rows = await preparedRows<{ id: string; sessionVersion: number; disabled: boolean }>(
      this.dataSource,
      'laurel_session_states',
      // Tagged so the statement counter of the HTTP tests can tell it from the request's own work.
      `/* session-check */ SELECT id, session_version AS "sessionVersion", (disabled_at IS NOT NULL) AS disabled FROM users WHERE id = ANY($1::uuid[])`,
      [userIds],
    );
    return new Map(rows.map(({ id, ...state }) => [id, state]));
  }

  /** An account made by accepting a mailed invitation: its mailbox is proved by that. Null if the address was taken meanwhile. */
  async insertVerified(
    manager: EntityManager,
    user: { email: string; passwordHash: string; displayName: string; roles: Role[]; language: MailLanguage; organization: string | null },
  ): Promise<UserEntity | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO users (email, password_hash, display_name, roles, language, organization, email_verified_at)
       VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT ((lower(email))) DO NOTHING RETURNING id`,
      [user.email, user.passwordHash, user.displayName, user.roles, user.language, user.organization],
    );
    const [inserted] = rows;
    return inserted === undefined ? null : ((await manager.findOne(UserEntity, { where: { id: inserted.id } })) as UserEntity);
  }

  /** Adds a role once; a role change bumps the session version (older tokens carry the old roles). */
  async grantRole(manager: EntityManager, userId: string, role: Role): Promise<UserEntity> {
    await manager.query(
      `UPDATE users SET roles = array_append(roles, $2), session_version = session_version + 1, updated_at = now()
        WHERE id = $1 AND NOT ($2 = ANY(roles))`,
      [userId, role],
    );
    return (await manager.findOne(UserEntity, { where: { id: userId } })) as UserEntity;
  }

  /** The account under a row lock, for a change that depends on what it is now. */
  async lockByEmail(manager: EntityManager, email: string): Promise<UserEntity | null> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM users WHERE lower(email) = lower($1) FOR UPDATE`, [email]);
    return rows[0] ? ((await manager.findOne(UserEntity, { where: { id: rows[0].id } })) as UserEntity) : null;
  }

  async markVerified(manager: EntityManager, userId: string): Promise<UserEntity> {
    await manager.query(`UPDATE users SET email_verified_at = coalesce(email_verified_at, now()), updated_at = now() WHERE id = $1`, [
      userId,
    ]);
    return (await manager.findOne(UserEntity, { where: { id: userId } })) as UserEntity;
  }

  async isVerified(userId: string): Promise<boolean> {
    const rows: { verified: boolean }[] = await this.dataSource.query(
      `SELECT (email_verified_at IS NOT NULL) AS verified FROM users WHERE id = $1`,
      [userId],
    );
    return rows[0]?.verified ?? false;
  }

  /** The administrator's list: every account, matched on name or address, newest first. */
  async page(query: { q?: string; role?: Role; page: number; pageSize: number }): Promise<{ items: UserEntity[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.q) {
      // A LIKE pattern from the person's text: its wildcards are escaped, so they match themselves.
      const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(`(u.email ILIKE $${params.push(pattern)} OR u.display_name ILIKE $${params.length})`);
    }
    if (query.role) where.push(`$${params.push(query.role)} = ANY(u.roles)`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [counted]: { total: number }[] = await this.dataSource.query(`SELECT count(*)::int AS total FROM users u ${clause}`, params);
    const { total } = known(counted, 'the user count');
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT u.id FROM users u ${clause} ORDER BY u.created_at DESC, u.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    if (rows.length === 0) return { items: [], total };
    const users = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('u.id IN (:...ids)', { ids: rows.map((r) => r.id) })
      .getMany();
    const byId = new Map(users.map((u) => [u.id, u]));
    return { items: rows.map((r) => byId.get(r.id) as UserEntity), total };
  }

  /**
   * The enabled administrators, locked: a change that could leave the platform without one
   * (revoking admin, disabling) counts them inside its transaction, so two concurrent changes
   * cannot each remove "one of two".
   */
  async lockActiveAdmins(manager: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM users WHERE 'admin' = ANY(roles) AND disabled_at IS NULL ORDER BY id FOR UPDATE`,
    );
    return rows.map((r) => r.id);
  }

  async lockById(manager: EntityManager, id: string): Promise<UserEntity | null> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM users WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] ? ((await manager.findOne(UserEntity, { where: { id } })) as UserEntity) : null;
  }

  /** An administrator's change of roles or standing; older tokens carry the old ones, so they end. */
  async setRolesAndStanding(manager: EntityManager, id: string, roles: Role[], disabled: boolean): Promise<UserEntity> {
    await manager.query(
      `UPDATE users SET roles = $2, disabled_at = CASE WHEN $3 THEN coalesce(disabled_at, now()) END,
                        session_version = session_version + 1, updated_at = now()
        WHERE id = $1`,
      [id, roles, disabled],
    );
    return (await manager.findOne(UserEntity, { where: { id } })) as UserEntity;
  }
}
