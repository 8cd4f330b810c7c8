import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drops the UNIQUE constraint (and so the index) on `audit_events.hash`. No query reads events by
 * hash, and every append paid for the index: a 64-character key at a random place in a B-tree
 * that grows with the whole trail, so it cost more the longer a platform runs (issue 13, sixth
 * pass: with a million events stored, PostgreSQL's CPU per sheet save or submit fell by about
 * 0.026 ms, 7 %, without it; with a hundred thousand, by about 0.01 ms).
 *
 * It guarded nothing the chain does not: an event's hash covers its previous hash, so a copy of an
 * event stored anywhere (the only way two events share a hash) links to a hash that is not its
 * chain's head at its place, and verification names it (audit.e2e-spec: "names a copied event").
 * The promises stay: the head row's lock keeps two writers from forking a chain, the trigger
 * refuses UPDATE, DELETE and TRUNCATE, and verification finds an edited, copied or removed event.
 */
export class AuditEventsWithoutHashIndex1766300000000 implements MigrationInterface {
  name = 'AuditEventsWithoutHashIndex1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_hash_key`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_events ADD CONSTRAINT audit_events_hash_key UNIQUE (hash)`);
  }
}
