import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public vote's per-client throttle now counts in the shared `throttles` table (key prefix
 * `vote-ip`, rate-limiter-flexible's store, like sign-in's and sign-up's), so its own table goes.
 * Its counts are at most ten minutes old and are not carried over: after the upgrade every
 * client address starts a fresh window.
 */
export class VoteThrottleInThrottles1766040000000 implements MigrationInterface {
  name = 'VoteThrottleInThrottles1766040000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE vote_throttle`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE vote_throttle (
        client_address text NOT NULL,
        window_start timestamptz NOT NULL,
        hits int NOT NULL,
        PRIMARY KEY (client_address, window_start)
      )`);
  }
}
