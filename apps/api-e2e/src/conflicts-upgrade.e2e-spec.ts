import { Client } from 'pg';
import { known } from '@laurel/domain';
import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';
import { createJudgingContest, insertEntries, userId } from './support/judging-fixtures';

/**
 * The upgrade that moved conflict detection out of the autosave: before it, a save detected a
 * conflict from the facts as they were; after it, a save reads only the stored conflict. So the
 * migration checks every existing assignment once and stores the conflicts it finds, or a pair
 * whose facts changed after its assignment would be scored.
 */
describe('the upgrade to stored detected conflicts', () => {
  let api: ApiProcess;
  let db: Client;
  let url: string;

  beforeAll(async () => {
    url = await createDatabase();
    expect((await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: url })).code).toBe(0);
    api = await startApi({}, url);
    db = new Client({ connectionString: url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await api?.stop();
  });

  it('stores, with its event, the conflict of an assignment whose entry changed before the upgrade', async () => {
    const http = new Http(api.url);
    const organizer = await http.login('organizer@demo.laurel');
    const contest = await createJudgingContest(http, organizer, {
      rounds: [{ name: 'Screening', judgesPerEntry: 1 }],
      judges: [{ email: 'judge2@demo.laurel', displayName: 'judge2@demo.laurel' }],
    });
    const [entry] = await insertEntries(db, contest, [{ title: 'Upgrade' }]);
    const round = known(contest.rounds[0], 'the round');
    expect((await http.post(`/api/rounds/${round.id}/open`, {}, organizer)).status).toBe(200);
    expect((await http.post(`/api/rounds/${round.id}/assignments/auto`, {}, organizer)).status).toBe(200);
    const judgeId = await userId(db, 'judge2@demo.laurel');

    // As the data stood before the upgrade: the organization corrected in the database after the
    // assignment (there was no other way), nothing stored, and the migration not yet run.
    await db.query(`UPDATE entries SET organization = 'Quy dau tu khoi nghiep sang tao' WHERE id = $1`, [known(entry, 'the entry').id]);
    await db.query(`DELETE FROM conflicts WHERE source = 'detected'`);
    await db.query(`DROP INDEX conflicts_entry_idx`);
    await db.query(`DELETE FROM migrations WHERE name = 'DetectedConflictsStored1766110000000'`);

    const migrated = await runNode('dist/apps/api/cli.js', ['migrate'], { DATABASE_URL: url });
    expect(migrated.code).toBe(0);
    const { rows: stored } = await db.query(`SELECT source, reason FROM conflicts WHERE judge_id = $1 AND entry_id = $2`, [
      judgeId,
      known(entry, 'the entry').id,
    ]);
    expect(stored).toEqual([{ source: 'detected', reason: 'same_organization' }]);
    const { rows: events } = await db.query(
      `SELECT actor_id AS "actorId", payload->>'source' AS source FROM audit_events WHERE contest_id = $1 AND action = 'conflict.added'`,
      [contest.id],
    );
    expect(events).toEqual([{ actorId: null, source: 'detected' }]);

    // And the judge's save is refused as before the upgrade.
    const token = await http.login('judge2@demo.laurel');
    const assignment = ((await http.get('/api/me/assignments', token)).body as { id: string; roundId: string }[]).find(
      (a) => a.roundId === round.id,
    );
    const refused = await http.request('PUT', `/api/assignments/${known(assignment, 'the assignment').id}/sheet`, {
      body: { scores: [] },
      token,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('sheet.conflict_of_interest');
  });
});
