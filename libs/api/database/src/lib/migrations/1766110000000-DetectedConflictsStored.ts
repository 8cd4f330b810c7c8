import type { MigrationInterface, QueryRunner } from 'typeorm';
import { recordDetectedConflicts } from '../repositories/conflict-recording';

/**
 * Conflict detection moves from every autosave to where the facts change (a judge's name or
 * organization, an entry's organization or team), which stores what it finds as `detected`
 * conflicts; the save only reads the stored conflict. This brings existing data to that state:
 * every assignment is checked once with the domain's detection, and each conflict found is stored
 * with its `conflict.added` event (no actor: the upgrade), so a conflict that appeared after its
 * assignment keeps refusing the judge's save. Conflicts are now also found by entry.
 */
export class DetectedConflictsStored1766110000000 implements MigrationInterface {
  name = 'DetectedConflictsStored1766110000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX conflicts_entry_idx ON conflicts (entry_id)`);
    await recordDetectedConflicts(q.manager, 'all', null);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM conflicts WHERE source = 'detected'`);
    await q.query(`DROP INDEX conflicts_entry_idx`);
  }
}
