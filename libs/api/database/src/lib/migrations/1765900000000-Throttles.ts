import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Throttle counters shared by every API instance (DESIGN, "Accounts and mail"): one row per
 * limiter and key (`signin-ip:203.0.113.7`, `signin-account:hoa@startup.vn`, …), in the shape
 * rate-limiter-flexible's PostgreSQL store reads and writes with one atomic upsert. `expire` is
 * a time in milliseconds since the epoch; the store deletes rows an hour past it.
 */
export class Throttles1765900000000 implements MigrationInterface {
  name = 'Throttles1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE throttles (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
    await q.query(`CREATE INDEX throttles_expire ON throttles (expire)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE throttles`);
  }
}
