import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The language and the time zone a contest's documents are written in (DESIGN, "The results
 * workbook"): Vietnamese and Asia/Ho_Chi_Minh unless the organizer says otherwise. The zone is an
 * IANA name; the API checks it against the runtime's zone database (PostgreSQL's may differ).
 */
export class ContestLanguageAndTimeZone1765800000000 implements MigrationInterface {
  name = 'ContestLanguageAndTimeZone1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE contests
        ADD COLUMN language text NOT NULL DEFAULT 'vi' CHECK (language IN ('vi', 'en')),
        ADD COLUMN time_zone text NOT NULL DEFAULT 'Asia/Ho_Chi_Minh' CHECK (time_zone ~ '^[A-Za-z][A-Za-z0-9_+/-]{0,63}$')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contests DROP COLUMN language, DROP COLUMN time_zone`);
  }
}
