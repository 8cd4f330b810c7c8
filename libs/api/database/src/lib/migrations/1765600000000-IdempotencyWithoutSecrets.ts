import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Answers kept before credentials were stripped from them held session tokens and live tickets
 * for up to 24 hours; they are forgotten (a retry with such a key simply runs again).
 */
export class IdempotencyWithoutSecrets1765600000000 implements MigrationInterface {
  name = 'IdempotencyWithoutSecrets1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM idempotency_keys WHERE response::text ~* '"(accesstoken|refreshtoken|token|ticket|password)"\\s*:'`);
  }

  async down(): Promise<void> {
    // Nothing to restore: the forgotten answers must not come back.
  }
}
