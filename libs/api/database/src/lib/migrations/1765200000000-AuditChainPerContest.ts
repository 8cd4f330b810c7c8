import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One hash chain per contest (and one for events without a contest) instead of one for the
 * whole platform, so an audited write of one contest never waits for another contest's.
 *
 * `audit_chains` holds each chain's head: its row lock serializes the writers of that chain
 * across processes, and the head and previous hash it keeps let an event be appended in one
 * statement. It is only a shortcut: verification walks `audit_events` alone, so a head edited
 * by hand makes the next event fail verification, it cannot hide anything.
 *
 * Events written before this migration form one platform-wide chain; `audit_legacy_chain`
 * remembers where it ends, and each chain's first new event links to the last old event of
 * its contest (the heads are seeded from them).
 */
export class AuditChainPerContest1765200000000 implements MigrationInterface {
  name = 'AuditChainPerContest1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_chains (
        chain text PRIMARY KEY,
        prev_hash text NOT NULL,
        head_hash text NOT NULL
      )`);
    await q.query(`COMMENT ON COLUMN audit_chains.chain IS 'a contest id, or platform for events without a contest'`);
    await q.query(`CREATE TABLE audit_legacy_chain (last_id bigint NOT NULL)`);
    await q.query(`INSERT INTO audit_legacy_chain (last_id) SELECT max(id) FROM audit_events HAVING max(id) IS NOT NULL`);
    await q.query(`
      INSERT INTO audit_chains (chain, prev_hash, head_hash)
      SELECT DISTINCT ON (contest_id) coalesce(contest_id::text, 'platform'), prev_hash, hash
        FROM audit_events ORDER BY contest_id, id DESC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_legacy_chain`);
    await q.query(`DROP TABLE audit_chains`);
  }
}
