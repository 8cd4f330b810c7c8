import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A submitted sheet keeps its score values on itself, in rubric order (criterion position, then
 * id), written by the statement that submits it. Results read one array per sheet instead of
 * aggregating each sheet's score rows (at 10,000 entries × 5 judges that aggregate ran 50,000
 * times per read and cost PostgreSQL as much as the bench's whole baseline query).
 *
 * The values cannot drift from the score rows: a sheet's scores change only while it is a draft
 * (the save refuses a submitted sheet, and nothing returns one to draft), and the rubric, whose
 * order the array follows, is locked once any score exists. The CHECK makes every writer of a
 * submitted sheet set them; it costs a save nothing.
 */
export class SheetScoreValues1766120000000 implements MigrationInterface {
  name = 'SheetScoreValues1766120000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE score_sheets ADD COLUMN score_values numeric(8,2)[]`);
    // Sheets of closed rounds too: the round-open trigger guards the judges' writes, not this one.
    await q.query(`ALTER TABLE score_sheets DISABLE TRIGGER score_sheets_round_open`);
    await q.query(`
      UPDATE score_sheets ss SET score_values = v.score_values
        FROM (SELECT s.sheet_id, array_agg(s.value ORDER BY c.position, c.id) AS score_values
                FROM scores s
                JOIN score_sheets x ON x.id = s.sheet_id AND x.status = 'submitted'
                JOIN criteria c ON c.id = s.criterion_id AND c.round_id = x.round_id
               GROUP BY s.sheet_id) v
       WHERE v.sheet_id = ss.id`);
    // A submitted sheet without any score (never written by Laurel) keeps ranking nothing.
    await q.query(`UPDATE score_sheets SET score_values = '{}' WHERE status = 'submitted' AND score_values IS NULL`);
    await q.query(`ALTER TABLE score_sheets ENABLE TRIGGER score_sheets_round_open`);
    await q.query(
      `ALTER TABLE score_sheets ADD CONSTRAINT score_sheets_submitted_values CHECK (status = 'draft' OR score_values IS NOT NULL)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE score_sheets DROP CONSTRAINT score_sheets_submitted_values`);
    await q.query(`ALTER TABLE score_sheets DROP COLUMN score_values`);
  }
}
