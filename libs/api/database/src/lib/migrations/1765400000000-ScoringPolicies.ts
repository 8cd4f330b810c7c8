import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The contest's own rules (DESIGN): the noZeroCriterion prize gate, and divergence review on a
 * round. An assignment made by divergence review is marked, so that `maxExtraJudges` counts
 * only those and the results can name the extra judges.
 */
export class ScoringPolicies1765400000000 implements MigrationInterface {
  name = 'ScoringPolicies1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contests ADD COLUMN no_zero_criterion boolean NOT NULL DEFAULT false`);
    await q.query(`
      ALTER TABLE rounds
        ADD COLUMN divergence_threshold numeric(6,2) CHECK (divergence_threshold IS NULL OR divergence_threshold BETWEEN 0 AND 100),
        ADD COLUMN max_extra_judges int NOT NULL DEFAULT 1 CHECK (max_extra_judges BETWEEN 0 AND 10)`);
    await q.query(`ALTER TABLE assignments ADD COLUMN divergence_extra boolean NOT NULL DEFAULT false`);
    await q.query(`CREATE INDEX assignments_divergence_idx ON assignments (round_id, entry_id) WHERE divergence_extra`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX assignments_divergence_idx`);
    await q.query(`ALTER TABLE assignments DROP COLUMN divergence_extra`);
    await q.query(`ALTER TABLE rounds DROP COLUMN divergence_threshold, DROP COLUMN max_extra_judges`);
    await q.query(`ALTER TABLE contests DROP COLUMN no_zero_criterion`);
  }
}
