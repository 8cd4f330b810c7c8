import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The copy of an attachment a blind round's judges open, its identifying metadata removed, is
 * made once and stored next to the original; its size here says it exists.
 */
export class BlindCopies1765600000001 implements MigrationInterface {
  name = 'BlindCopies1765600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE attachments ADD COLUMN blind_size_bytes bigint CHECK (blind_size_bytes > 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE attachments DROP COLUMN blind_size_bytes`);
  }
}
