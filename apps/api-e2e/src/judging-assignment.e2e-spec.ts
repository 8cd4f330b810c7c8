import { Client } from 'pg';
import { known } from '@laurel/domain';
import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';
import {
  createJudgingContest,
  type EntryRow,
  insertEntries,
  type JudgingContest,
  scoreAndSubmit,
  userId,
} from './support/judging-fixtures';

interface Assigned {
  id: string;
  entryId: string;
  judgeId: string;
  status: string;
}

interface ConflictRow {
  id: string | null;
  source: string;
  judgeId: string;
  entryId: string;
  reason: string;
}

interface AuditRow {
  action: string;
  payload: Record<string, unknown>;
}

/** Conflict-aware automatic assignment over HTTP: panels, balance, gaps, infeasibility, complete panels. */
describe('judge assignment over HTTP', () => {
  let api: ApiProcess;
  let http: Http;
  let db: Client;
  let databaseUrl: string;
  let organizer: string;
  let contest: JudgingContest;
  let entries: EntryRow[];
  const judgeEmails = ['judge1@demo.laurel', 'judge2@demo.laurel', 'judge3@demo.laurel', 'fourth.judge@panel.vn'];
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  const screening = () => contest.rounds[0].id;
  const final = () => known(contest.rounds[1], 'contest.rounds[1]').id;
  const list = async (roundId: string): Promise<Assigned[]> => (await http.get(`/api/rounds/${roundId}/assignments`, organizer)).body;
  const count = async (roundId: string) =>
    Number((await db.query(`SELECT count(*)::int AS n FROM assignments WHERE round_id = $1`, [roundId])).rows[0].n);

  beforeAll(async () => {
    const url = await createDatabase();
    databaseUrl = url;
    const seeded = await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: url });
    expect(seeded.code).toBe(0);
    api = await startApi({}, url);
    http = new Http(api.url);
    db = new Client({ connectionString: url });
    await db.connect();
    organizer = await http.login('organizer@demo.laurel');

    contest = await createJudgingContest(http, organizer, {
      rounds: [
        { name: 'Screening', judgesPerEntry: 2 },
        { name: 'Final', panel: 'complete' },
      ],
      judges: judgeEmails.map((email) =>
        email === 'fourth.judge@panel.vn'
          ? { email, displayName: 'Võ Thanh Tâm', password: 'fourth-judge-pass' }
          : { email, displayName: email },
      ),
    });
    // The fourth judge sets a password from the mailed invitation, as a real judge would (createJudgingContest).
    for (const email of judgeEmails) {
      ids[email] = await userId(db, email);
      tokens[email] = await http.login(email, email === 'fourth.judge@panel.vn' ? 'fourth-judge-pass' : 'laurel-demo');
    }

    // 1: judge1's organization, spelled without accents; 2: judge4 is on the team (same e-mail);
    // 3: a member's e-mail shares judge4's company domain. Public mail domains never conflict.
    entries = await insertEntries(db, contest, [
      { title: 'E1', organization: 'Dai hoc Hai Phong' },
      { title: 'E2', members: [{ name: 'Võ Thanh Tâm', role: 'Advisor', email: 'Fourth.Judge@panel.vn' }] },
      { title: 'E3', members: [{ name: 'Lê Văn Bảo', role: 'CEO', email: 'bao@panel.vn' }] },
      { title: 'E4', members: [{ name: 'Ngô Lan', role: 'CEO', email: 'lan@gmail.com' }] },
      ...['E5', 'E6', 'E7', 'E8', 'E9'].map((title) => ({ title })),
    ]);
    expect((await http.post(`/api/rounds/${screening()}/open`, {}, organizer)).status).toBe(200);
  });

  afterAll(async () => {
    await db?.end();
    await api?.stop();
  });

  it('refuses an infeasible request with 422 naming each entry, and writes nothing', async () => {
    // Four judges, five per entry: no entry can be served.
    const refused = await http.post(`/api/rounds/${screening()}/assignments/auto`, { judgesPerEntry: 5 }, organizer);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('assignment.infeasible');
    expect(refused.body.fields).toHaveLength(9);
    expect(refused.body.fields[0]).toEqual({
      field: `entries.${known(entries[0], 'entries[0]').id}`,
      message: `${known(entries[0], 'entries[0]').code} "E1": needs 5 more judges without a conflict of interest, and only 3 are available`,
      code: 'assignment.too_few_judges',
      params: { entry: known(entries[0], 'entries[0]').code, needed: 5, available: 3 },
    });
    expect(refused.body.message).toContain(`${known(entries[4], 'entries[4]').code} "E5"`);
    expect(await count(screening())).toBe(0);
  });

  it('gives every entry k judges with no conflict and loads within 1', async () => {
    const detected = (await http.get(`/api/contests/${contest.id}/conflicts`, organizer)).body;
    expect(detected.map((c: { judgeId: string; entryId: string; reason: string }) => [c.judgeId, c.entryId, c.reason])).toEqual(
      expect.arrayContaining([
        [ids['judge1@demo.laurel'], known(entries[0], 'entries[0]').id, 'same_organization'],
        [ids['fourth.judge@panel.vn'], known(entries[1], 'entries[1]').id, 'team_member'],
        [ids['fourth.judge@panel.vn'], known(entries[2], 'entries[2]').id, 'same_email_domain'],
      ]),
    );
    expect(detected).toHaveLength(3);

    const result = await http.post(`/api/rounds/${screening()}/assignments/auto`, {}, organizer);
    expect(result.status).toBe(200);
    expect(result.body.conflictsAvoided).toBe(3);
    const made: Assigned[] = result.body.assignments;
    expect(made).toHaveLength(18);
    const conflicted = new Set(detected.map((c: { judgeId: string; entryId: string }) => `${c.judgeId}|${c.entryId}`));
    for (const entry of entries) {
      const panel = made.filter((a) => a.entryId === entry.id).map((a) => a.judgeId);
      expect(new Set(panel).size).toBe(2);
    }
    for (const a of made) expect(conflicted.has(`${a.judgeId}|${a.entryId}`)).toBe(false);
    // 18 seats over 4 judges: loads 4 or 5.
    const loads = Object.values(result.body.perJudgeLoad as Record<string, number>);
    expect(loads).toHaveLength(4);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);

    // A second run finds nothing to do.
    const again = await http.post(`/api/rounds/${screening()}/assignments/auto`, {}, organizer);
    expect(again.status).toBe(200);
    expect(again.body.assignments).toEqual([]);
    expect(await count(screening())).toBe(18);
  });

  it('after a recusal, a re-run fills only the gap and moves nothing', async () => {
    const before = await list(screening());
    const recusing = before.find((a) => a.entryId === known(entries[4], 'entries[4]').id) as Assigned;
    const email = judgeEmails.find((e) => ids[e] === recusing.judgeId) as string;
    expect((await http.post(`/api/assignments/${recusing.id}/recuse`, { reason: 'Former employer' }, tokens[email])).status).toBe(200);

    const refill = await http.post(`/api/rounds/${screening()}/assignments/auto`, {}, organizer);
    expect(refill.status).toBe(200);
    expect(refill.body.assignments).toHaveLength(1);
    const filled = known((refill.body.assignments as Assigned[])[0], 'the refilled assignment');
    expect(filled.entryId).toBe(known(entries[4], 'entries[4]').id);
    const panelBefore = before.filter((a) => a.entryId === known(entries[4], 'entries[4]').id).map((a) => a.judgeId);
    expect(panelBefore).not.toContain(filled.judgeId);

    const after = await list(screening());
    expect(after).toHaveLength(19);
    for (const a of before) {
      expect(after).toContainEqual(
        expect.objectContaining({ id: a.id, entryId: a.entryId, judgeId: a.judgeId, status: a.id === recusing.id ? 'recused' : a.status }),
      );
    }
  });

  // A conflict that appears after the assignment is detected where the fact changes and stored
  // there; the judge's save only reads the stored conflict. So each case changes the fact through
  // the API route that changes it: a direct database edit would bypass that place, and no save
  // would be refused.
  const conflictsOf = async (judgeId: string, entryId: string) =>
    ((await http.get(`/api/contests/${contest.id}/conflicts`, organizer)).body as ConflictRow[]).filter(
      (c) => c.judgeId === judgeId && c.entryId === entryId,
    );
  const conflictEvents = async (action: 'conflict.added' | 'conflict.removed', judgeId: string, entryId: string) =>
    ((await http.get(`/api/contests/${contest.id}/audit?action=${action}&pageSize=200`, organizer)).body.items as AuditRow[]).filter(
      (e) => e.payload['judgeId'] === judgeId && e.payload['entryId'] === entryId,
    );
  const saveSheet = (assignmentId: string, token: string | undefined) =>
    http.request('PUT', `/api/assignments/${assignmentId}/sheet`, {
      body: { scores: [{ criterionId: known(contest.rounds[0], 'the screening round').criteria[0]?.id, value: 5 }] },
      token,
    });

  it('refuses a sheet write when a conflict appears after assignment (the organizer corrects the entry’s organization)', async () => {
    const target = known(
      (await list(screening())).find((a) => a.judgeId === ids['judge2@demo.laurel'] && a.status === 'todo'),
      'a todo assignment of judge2',
    );
    const entryUrl = `/api/entries/${target.entryId}`;
    const read = async () =>
      (await http.get(entryUrl, organizer)).body as { version: number; organization: string | null; members: object[] };
    const correct = async (body: object) => http.post(`${entryUrl}/correction`, { version: (await read()).version, ...body }, organizer);
    const before = await read();

    // The team's organization was wrong; judge2 is from "Quỹ Đầu tư Khởi nghiệp Sáng tạo" (demo seed).
    const corrected = await correct({ organization: 'QUY DAU TU KHOI NGHIEP SANG TAO', reason: 'From the team’s registration letter' });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ organization: 'QUY DAU TU KHOI NGHIEP SANG TAO', version: before.version + 1 });
    const refused = await saveSheet(target.id, tokens['judge2@demo.laurel']);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('sheet.conflict_of_interest');
    // The kind of conflict only: the organization's name would name the team to a blind judge.
    expect(refused.body.message).toBe(
      'You have a conflict of interest with this entry and cannot score it. You and the team come from the same organization.',
    );
    expect(refused.body.message).not.toMatch(/Quỹ|QUY DAU TU/i);

    // A correction that leaves the conflict as it is (a member added) stores and records nothing twice.
    const withMember = [...before.members, { name: 'Phạm Quốc Dũng', role: 'CTO' }];
    expect((await correct({ members: withMember, reason: 'A co-founder was missing' })).status).toBe(200);
    expect(await conflictsOf(ids['judge2@demo.laurel'] ?? '', target.entryId)).toEqual([
      expect.objectContaining({ source: 'detected', reason: 'same_organization' }),
    ]);
    expect(await conflictEvents('conflict.added', ids['judge2@demo.laurel'] ?? '', target.entryId)).toHaveLength(1);
    const audit = (await http.get(`/api/contests/${contest.id}/audit?action=entry.corrected`, organizer)).body.items as AuditRow[];
    expect(audit.map((e) => e.payload['fields'])).toEqual([['members'], ['organization']]);

    // Refused: a stale version (409), a correction without its reason (400); neither changes anything.
    const stale = await http.post(`${entryUrl}/correction`, { version: before.version, organization: null, reason: 'Old page' }, organizer);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('entry.stale_version');
    const unexplained = await http.post(`${entryUrl}/correction`, { version: (await read()).version, organization: null }, organizer);
    expect(unexplained.status).toBe(400);
    expect(unexplained.body.fields).toEqual([expect.objectContaining({ field: 'reason' })]);
    expect((await saveSheet(target.id, tokens['judge2@demo.laurel'])).status).toBe(422);

    // Corrected back: the conflict goes, and judge2 scores the entry again.
    expect(
      (await correct({ organization: before.organization, members: before.members, reason: 'Checked again: it was right' })).status,
    ).toBe(200);
    expect(await conflictsOf(ids['judge2@demo.laurel'] ?? '', target.entryId)).toEqual([]);
    expect((await saveSheet(target.id, tokens['judge2@demo.laurel'])).status).toBe(200);
  });

  it('refuses a sheet write when a conflict appears after assignment (the organizer corrects the judge’s organization on the panel)', async () => {
    const e1 = known(entries[0], 'entries[0]');
    // judge1 conflicts with E1, judge4 has no organization: judge2 or judge3 (or both) score E1.
    const target = known(
      (await list(screening())).find(
        (a) => a.entryId === e1.id && a.status !== 'recused' && [ids['judge2@demo.laurel'], ids['judge3@demo.laurel']].includes(a.judgeId),
      ),
      'judge2 or judge3 on E1',
    );
    const email = target.judgeId === ids['judge2@demo.laurel'] ? 'judge2@demo.laurel' : 'judge3@demo.laurel';
    const panel = (await http.get(`/api/contests/${contest.id}/judges`, organizer)).body as { judgeId: string; organization: string }[];
    const { organization } = known(
      panel.find((j) => j.judgeId === target.judgeId),
      'the judge on the panel',
    );
    const correct = (to: string) =>
      http.post(`/api/contests/${contest.id}/judges`, { email, displayName: email, organization: to }, organizer);

    // Earlier cases may have stored and removed conflicts of this pair: count from here.
    const [added, removed] = [
      (await conflictEvents('conflict.added', target.judgeId, e1.id)).length,
      (await conflictEvents('conflict.removed', target.judgeId, e1.id)).length,
    ];
    // E1 is "Dai hoc Hai Phong": the same organization, spelled otherwise.
    expect((await correct('ĐẠI HỌC HẢI PHÒNG')).body).toEqual({ invitationId: null, status: 'accepted' });
    const refused = await saveSheet(target.id, tokens[email]);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('sheet.conflict_of_interest');
    // The kind of conflict only: the organization's name would name the team to a blind judge.
    expect(refused.body.message).toBe(
      'You have a conflict of interest with this entry and cannot score it. You and the team come from the same organization.',
    );
    expect(refused.body.message).not.toMatch(/Hải Phòng|Hai Phong/i);
    // Stored once, with its event; listed once (as stored, no longer only as detected).
    expect(await conflictsOf(target.judgeId, e1.id)).toEqual([
      expect.objectContaining({ id: expect.any(String), source: 'detected', reason: 'same_organization' }),
    ]);
    const events = await conflictEvents('conflict.added', target.judgeId, e1.id);
    expect(events).toHaveLength(added + 1);
    // Newest first.
    expect(events[0]).toEqual(
      expect.objectContaining({ payload: expect.objectContaining({ source: 'detected', reason: 'same_organization' }) }),
    );
    // The organizer cannot remove a detected conflict by hand: correcting the fact removes it.
    const [stored] = await conflictsOf(target.judgeId, e1.id);
    const removal = await http.request('DELETE', `/api/contests/${contest.id}/conflicts/${known(stored, 'the stored conflict').id}`, {
      token: organizer,
    });
    expect(removal.status).toBe(409);
    expect(removal.body.code).toBe('conflict.not_removable');

    // The organization corrected back: the conflict goes (with its event) and the judge scores again.
    expect((await correct(organization)).status).toBe(202);
    expect(await conflictsOf(target.judgeId, e1.id)).toEqual([]);
    expect(await conflictEvents('conflict.removed', target.judgeId, e1.id)).toHaveLength(removed + 1);
    expect((await saveSheet(target.id, tokens[email])).status).toBe(200);
  });

  /** A judge of E6 (whose only member gave no e-mail) still scoring it, with their token, name and a rename through their profile. */
  async function judgeOnE6() {
    const e6 = known(entries[5], 'entries[5]');
    const target = known(
      (await list(screening())).find((a) => a.entryId === e6.id && a.status !== 'recused'),
      'a judge on E6',
    );
    const email = known(
      judgeEmails.find((e) => ids[e] === target.judgeId),
      'the judge’s address',
    );
    const token = tokens[email];
    const before = (await http.get('/api/auth/me', token)).body.displayName as string;
    const rename = (displayName: string) => http.request('PATCH', '/api/auth/me', { body: { displayName }, token });
    return { e6, target, token, before, rename };
  }

  it('refuses a sheet write when the judge’s own profile edit makes them a team member, and an edit that changes nothing stores nothing twice', async () => {
    // E6's only member gave no e-mail: a judge named like them is taken to be them.
    const { e6, target, token, before, rename } = await judgeOnE6();

    const added = (await conflictEvents('conflict.added', target.judgeId, e6.id)).length;
    expect((await rename('Founder of E6')).status).toBe(200);
    const refused = await saveSheet(target.id, token);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('sheet.conflict_of_interest');
    expect(refused.body.message).toBe(
      'You have a conflict of interest with this entry and cannot score it. You are listed among the team’s members.',
    );

    // The same person, written otherwise: the conflict stays as it was, nothing is stored or recorded twice.
    expect((await rename('FOUNDER OF E6')).status).toBe(200);
    expect(await conflictsOf(target.judgeId, e6.id)).toEqual([expect.objectContaining({ source: 'detected', reason: 'team_member' })]);
    expect(await conflictEvents('conflict.added', target.judgeId, e6.id)).toHaveLength(added + 1);
    expect((await saveSheet(target.id, token)).status).toBe(422);

    expect((await rename(before)).status).toBe(200);
    expect(await conflictsOf(target.judgeId, e6.id)).toEqual([]);
    expect((await saveSheet(target.id, token)).status).toBe(200);
  });

  it('keeps a recusal made while a detected conflict stands when the fact is corrected back', async () => {
    const { e6, target, token, before, rename } = await judgeOnE6();

    expect((await rename('Founder of E6')).status).toBe(200);
    expect(await conflictsOf(target.judgeId, e6.id)).toEqual([expect.objectContaining({ source: 'detected' })]);
    expect((await http.post(`/api/assignments/${target.id}/recuse`, { reason: 'I advised this team' }, token)).status).toBe(200);
    expect((await rename(before)).status).toBe(200);
    // The judge's own declaration stays: the pair is never assigned again.
    expect(await conflictsOf(target.judgeId, e6.id)).toEqual([
      expect.objectContaining({ source: 'declared', reason: 'I advised this team' }),
    ]);
  });

  it('stores the conflict of an assignment made while the fact changes: the recording waits for the round the assignment holds', async () => {
    // An assignment is made under its round's row lock; here that transaction is held open by hand,
    // with a pair assigned on the facts as they were, while the judge renames themself.
    const assigned = await list(screening());
    let pair: { judgeId: string; entryId: string; email: string; member: string } | undefined;
    for (const [index, entry] of entries.entries()) {
      if (index !== 7 && index !== 8) continue; // E8, E9: neither advances nor served an earlier case
      for (const email of judgeEmails) {
        const judgeId = known(ids[email], 'the judge id');
        if (!assigned.some((a) => a.entryId === entry.id && a.judgeId === judgeId)) {
          pair ??= { judgeId, entryId: entry.id, email, member: `Founder of ${entry.title}` };
        }
      }
    }
    const { judgeId, entryId, email, member } = known(pair, 'a judge not on E8 or E9');
    const token = tokens[email];
    const before = (await http.get('/api/auth/me', token)).body.displayName as string;
    const assigning = new Client({ connectionString: databaseUrl });
    await assigning.connect();
    let assignmentId = '';
    try {
      await assigning.query('BEGIN');
      await assigning.query(`SELECT id FROM rounds WHERE id = $1 FOR UPDATE`, [screening()]);
      assignmentId = (
        await assigning.query(`INSERT INTO assignments (round_id, entry_id, judge_id) VALUES ($1, $2, $3) RETURNING id`, [
          screening(),
          entryId,
          judgeId,
        ])
      ).rows[0].id;
      const renaming = http.request('PATCH', '/api/auth/me', { body: { displayName: member }, token });
      await waitForLockWait(db);
      await assigning.query('COMMIT');
      expect((await renaming).status).toBe(200);
    } finally {
      await assigning.query('ROLLBACK').catch(() => undefined);
      await assigning.end();
    }
    const refused = await saveSheet(assignmentId, token);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('sheet.conflict_of_interest');

    expect((await http.request('PATCH', '/api/auth/me', { body: { displayName: before }, token })).status).toBe(200);
    expect((await http.request('DELETE', `/api/assignments/${assignmentId}`, { token: organizer })).status).toBe(204);
  });

  it('opens the next round with the advanced entries only and gives it a complete panel, conflicts excepted', async () => {
    const early = await http.post(`/api/rounds/${final()}/open`, {}, organizer);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('round.previous_not_closed');
    expect((await http.post(`/api/rounds/${screening()}/close`, {}, organizer)).status).toBe(200);
    const none = await http.post(`/api/rounds/${final()}/open`, {}, organizer);
    expect(none.status).toBe(422);
    expect(none.body.code).toBe('round.no_entries');

    // Advancing belongs to results; here the outcome is set as advancing would set it.
    await db.query(`UPDATE round_entries SET outcome = 'advanced' WHERE round_id = $1 AND entry_id = ANY($2::uuid[])`, [
      screening(),
      [known(entries[0], 'entries[0]').id, known(entries[1], 'entries[1]').id, known(entries[6], 'entries[6]').id],
    ]);
    const opened = await http.post(`/api/rounds/${final()}/open`, {}, organizer);
    expect(opened.status).toBe(200);
    expect(opened.body.entryCount).toBe(3);

    const result = await http.post(`/api/rounds/${final()}/assignments/auto`, { judgesPerEntry: 1 }, organizer);
    expect(result.status).toBe(200);
    // 3 entries × 4 judges, less judge1 on E1 and judge4 on E2.
    expect(result.body.assignments).toHaveLength(10);
    const pairs = result.body.assignments.map((a: Assigned) => `${a.judgeId}|${a.entryId}`);
    expect(pairs).not.toContain(`${ids['judge1@demo.laurel']}|${known(entries[0], 'entries[0]').id}`);
    expect(pairs).not.toContain(`${ids['fourth.judge@panel.vn']}|${known(entries[1], 'entries[1]').id}`);

    const progress = await http.get(`/api/rounds/${final()}/progress`, organizer);
    expect(progress.body.entries.map((e: { needed: number; assigned: number }) => [e.needed, e.assigned])).toEqual([
      [3, 3],
      [3, 3],
      [4, 4],
    ]);
  });

  it('reaches 100 % when every judge submits every sheet', async () => {
    for (const email of judgeEmails) {
      const mine = (await http.get('/api/me/assignments', tokens[email])).body.filter((a: { roundId: string }) => a.roundId === final());
      for (const assignment of mine) await scoreAndSubmit(http, known(tokens[email], 'tokens[email]'), assignment.id, 0.8);
    }
    const progress = await http.get(`/api/rounds/${final()}/progress`, organizer);
    expect(progress.body.percentSubmitted).toBe(100);
    // Every criterion at 80 % of its maximum: 100 · Σ w·0.8 / Σ w = 80.
    for (const cell of progress.body.matrix.cells) {
      expect(cell.status).toBe('submitted');
      expect(cell.total).toBeCloseTo(80, 9);
    }
    const panel = (await http.get(`/api/contests/${contest.id}/judges`, organizer)).body;
    expect(panel.find((j: { judgeId: string }) => j.judgeId === ids['judge1@demo.laurel']).progress.submitted).toBe(2);
    // A judge with a submitted sheet stays on the panel.
    expect(
      (await http.request('DELETE', `/api/contests/${contest.id}/judges/${ids['judge1@demo.laurel']}`, { token: organizer })).status,
    ).toBe(409);
  });

  it('walks the issue through on the demo contest: screening opened, 3 judges per entry, everything scored, 100 %', async () => {
    const demo = (await http.get('/api/contests/startup-talent-2026', organizer)).body;
    for (const status of ['closed', 'judging'])
      expect((await http.post(`/api/contests/${demo.id}/status`, { status }, organizer)).status).toBe(200);
    const round = demo.rounds.find((r: { order: number }) => r.order === 1);
    expect((await http.post(`/api/rounds/${round.id}/open`, {}, organizer)).body.entryCount).toBe(6);
    const assigned = await http.post(`/api/rounds/${round.id}/assignments/auto`, {}, organizer);
    expect(assigned.status).toBe(200);
    expect(assigned.body.assignments).toHaveLength(18); // 6 seeded entries × 3 judges
    for (const email of ['judge1@demo.laurel', 'judge2@demo.laurel', 'judge3@demo.laurel']) {
      const mine = (await http.get('/api/me/assignments', tokens[email])).body.filter((a: { roundId: string }) => a.roundId === round.id);
      expect(mine).toHaveLength(6);
      for (const assignment of mine) await scoreAndSubmit(http, known(tokens[email], 'tokens[email]'), assignment.id, 0.7);
    }
    expect((await http.get(`/api/rounds/${round.id}/progress`, organizer)).body.percentSubmitted).toBe(100);
  });
});

/** Waits until a statement on the test's database waits for a lock (at most 20 s). */
async function waitForLockWait(db: Client): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = current_database()`,
    );
    if (rows[0]?.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the profile edit never waited for the round the assignment holds');
}
