import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A contest's own application form and eligibility rules, and an entry's answers to it.
 *
 * The form and the rules are read and written whole (they are small and always shown together),
 * so each is one jsonb column rather than tables of fields and rules. Fields removed after
 * entries were submitted move to `retired_form_fields`: their answers stay on the entries and
 * the entries workbook still shows them under their label.
 */
export class ApplicationForm1765300000000 implements MigrationInterface {
  name = 'ApplicationForm1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contests
      ADD COLUMN form_fields jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(form_fields) = 'array'),
      ADD COLUMN retired_form_fields jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(retired_form_fields) = 'array'),
      ADD COLUMN eligibility_rules jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(eligibility_rules) = 'array')`);
    await q.query(`ALTER TABLE entries ADD COLUMN answers jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(answers) = 'object')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE entries DROP COLUMN answers`);
    await q.query(`ALTER TABLE contests DROP COLUMN eligibility_rules, DROP COLUMN retired_form_fields, DROP COLUMN form_fields`);
  }
}
