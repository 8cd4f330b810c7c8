import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The entry stepper asks for the category on its third step, after the draft has been saved from
 * the first: a draft may have no category yet; a submitted entry always has one. Drafts without a
 * category hold no place in the one-entry-per-category index (NULLs are distinct).
 */
export class EntryDraftWithoutCategory1764403200000 implements MigrationInterface {
  name = 'EntryDraftWithoutCategory1764403200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE entries ALTER COLUMN category_id DROP NOT NULL`);
    await q.query(`ALTER TABLE entries ADD CONSTRAINT entries_category_when_submitted CHECK (status = 'draft' OR category_id IS NOT NULL)`);
    // Screening lists sort and search by these; the ILIKE search scans a contest's entries only.
    await q.query(`CREATE INDEX entries_contest_created_idx ON entries (contest_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX entries_contest_created_idx`);
    await q.query(`ALTER TABLE entries DROP CONSTRAINT entries_category_when_submitted`);
    await q.query(`DELETE FROM entries WHERE category_id IS NULL`);
    await q.query(`ALTER TABLE entries ALTER COLUMN category_id SET NOT NULL`);
  }
}
