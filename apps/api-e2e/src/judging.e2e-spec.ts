import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { Client } from 'pg';
import { known } from '@laurel/domain';
import { tinyPdf } from './fixtures/files';
import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';
import {
  createJudgingContest,
  type EntryRow,
  insertAttachment,
  insertEntries,
  type JudgingContest,
  userId,
} from './support/judging-fixtures';

/** The panel, conflicts, a blind round's lifecycle and the judge's score sheets, over HTTP. */
describe('judging over HTTP', () => {
  let api: ApiProcess;
  let http: Http;
  let db: Client;
  let dataDir: string;
  let organizer: string;
  const judges: Record<string, string> = {};
  const judgeIds: Record<string, string> = {};

  let contest: JudgingContest;
  let entries: EntryRow[];
  let deckId: string;
  const deckBytes = tinyPdf();
  /** assignment id → judge email, entry id */
  let assignments: { id: string; judgeId: string; entryId: string }[] = [];

  const put = (path: string, body: unknown, token?: string) => http.request('PUT', path, { body, token });
  const del = (path: string, token?: string) => http.request('DELETE', path, { token });
  const emailOf = (judgeId: string) => Object.keys(judgeIds).find((email) => judgeIds[email] === judgeId) as string;
  const assignmentOf = (judgeEmail: string, entryId: string) =>
    assignments.find((a) => a.judgeId === judgeIds[judgeEmail] && a.entryId === entryId);
  /** The fixture's entries and the round's criteria by position (both made in beforeAll). */
  const entryAt = (i: number) => known(entries[i], `entry ${i + 1} of the fixture`);
  const criterionAt = (i: number) => known(contest.rounds[0].criteria[i], `criterion ${i + 1} of the round`);

  beforeAll(async () => {
    const url = await createDatabase();
    const seeded = await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: url });
    expect(seeded.code).toBe(0);
    dataDir = mkdtempSync(join(tmpdir(), 'laurel-judging-'));
    api = await startApi({ LAUREL_DATA_DIR: dataDir }, url);
    http = new Http(api.url);
    db = new Client({ connectionString: url });
    await db.connect();
    organizer = await http.login('organizer@demo.laurel');
    for (const n of [1, 2, 3]) {
      const email = `judge${n}@demo.laurel`;
      judges[email] = await http.login(email);
      judgeIds[email] = await userId(db, email);
    }

    // judge1 is from "Đại học Hải Phòng" (demo seed): the first entry's organization, written
    // without accents and in capitals, is a detected conflict.
    contest = await createJudgingContest(http, organizer, {
      rounds: [{ name: 'Screening', judgesPerEntry: 2, blind: true }],
      judges: Object.keys(judgeIds).map((email) => ({ email, displayName: email })),
      status: 'closed',
    });
    entries = await insertEntries(db, contest, [
      {
        title: 'Smart harbour cranes',
        teamName: 'Team Lotus',
        organization: 'DAI HOC HAI PHONG',
        members: [{ name: 'Phạm Thu Hà', role: 'CEO', email: 'ha@lotus-secret.vn' }],
      },
      {
        title: 'Salt-water sensors',
        teamName: 'AquaSense Crew',
        organization: 'AquaSense JSC',
        members: [{ name: 'Đỗ Minh Khôi', role: 'CTO', email: 'khoi@aquasense-secret.vn' }],
        videoUrl: 'https://video.example/aquasense-channel',
      },
      { title: 'Rice husk bricks', teamName: 'Brickworks', organization: 'Brick Co' },
      { title: 'Fishing co-op app', teamName: 'Net Menders', organization: 'Co-op Net' },
      { title: 'Never screened', status: 'submitted', eligibility: 'pending' },
      { title: 'Refused', status: 'submitted', eligibility: 'ineligible' },
      { title: 'Still a draft', status: 'draft' },
    ]);
    deckId = await insertAttachment(db, dataDir, entryAt(1).id, {
      kind: 'pitch_deck',
      originalName: 'AquaSense-Crew-confidential-deck.pdf',
      contentType: 'application/pdf',
      bytes: deckBytes,
    });
  });

  afterAll(async () => {
    await db?.end();
    await api?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  describe('the panel and invitations', () => {
    const demoContestId = async () => (await http.get('/api/contests/startup-talent-2026')).body.id as string;

    // Invitations by mail (accepting, resending, the takeover paths): invitations.e2e-spec.ts.
    it('lets only the contest owner manage its panel', async () => {
      const contestId = await demoContestId();
      expect((await http.get(`/api/contests/${contestId}/judges`, judges['judge1@demo.laurel'])).status).toBe(403);
      await http.post('/api/auth/register', { email: 'rival.organizer@example.vn', password: 'password-1', displayName: 'Rival' });
      await db.query(`UPDATE users SET roles = '{organizer}' WHERE email = 'rival.organizer@example.vn'`);
      const rival = await http.login('rival.organizer@example.vn', 'password-1');
      expect((await http.get(`/api/contests/${contestId}/judges`, rival)).status).toBe(404);
      expect((await http.post(`/api/contests/${contestId}/judges`, { email: 'x@y.vn', displayName: 'X' }, rival)).status).toBe(404);
    });
  });

  describe('opening the round and assigning', () => {
    it('opens a round only in a judging contest, from draft, covering submitted eligible entries', async () => {
      const round = contest.rounds[0].id;
      const early = await http.post(`/api/rounds/${round}/open`, {}, organizer);
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('round.contest_not_judging');
      expect((await http.post(`/api/contests/${contest.id}/status`, { status: 'judging' }, organizer)).status).toBe(200);
      expect((await http.post(`/api/rounds/${round}/close`, {}, organizer)).status).toBe(409);

      const opened = await http.post(`/api/rounds/${round}/open`, {}, organizer);
      expect(opened.status).toBe(200);
      // 4 submitted and eligible; the unscreened, ineligible and draft entries stay out.
      expect(opened.body).toMatchObject({ status: 'open', entryCount: 4, blind: true });
      expect((await http.post(`/api/rounds/${round}/open`, {}, organizer)).status).toBe(409);
    });

    it('lists the detected conflict, accent- and case-insensitively', async () => {
      const conflicts = await http.get(`/api/contests/${contest.id}/conflicts`, organizer);
      expect(conflicts.status).toBe(200);
      expect(conflicts.body).toEqual([
        expect.objectContaining({
          id: null,
          source: 'detected',
          judgeId: judgeIds['judge1@demo.laurel'],
          entryId: entryAt(0).id,
          reason: 'same_organization',
        }),
      ]);
    });

    it('refuses to assign a conflicted judge by hand (422)', async () => {
      const refused = await http.post(
        `/api/rounds/${contest.rounds[0].id}/assignments`,
        { entryId: entryAt(0).id, judgeId: judgeIds['judge1@demo.laurel'] },
        organizer,
      );
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('assignment.conflict_of_interest');
    });

    it('auto-assigns 2 judges per entry without the conflict, loads within 1', async () => {
      const result = await http.post(`/api/rounds/${contest.rounds[0].id}/assignments/auto`, { seed: 'judging-e2e' }, organizer);
      expect(result.status).toBe(200);
      expect(result.body.assignments).toHaveLength(8);
      expect(result.body.conflictsAvoided).toBe(1);
      assignments = result.body.assignments.map((a: { id: string; judgeId: string; entryId: string }) => ({
        id: a.id,
        judgeId: a.judgeId,
        entryId: a.entryId,
      }));
      for (const entry of entries.slice(0, 4)) expect(assignments.filter((a) => a.entryId === entry.id)).toHaveLength(2);
      expect(assignmentOf('judge1@demo.laurel', entryAt(0).id)).toBeUndefined();
      const loads = Object.values(result.body.perJudgeLoad as Record<string, number>);
      expect(loads.reduce((a, b) => a + b, 0)).toBe(8);
      expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    });
  });

  describe('what a judge reads', () => {
    it('lists only the judge’s own assignments, blind: nothing names the team', async () => {
      for (const email of Object.keys(judges)) {
        const mine = await http.get('/api/me/assignments', judges[email]);
        expect(mine.status).toBe(200);
        const own = assignments
          .filter((a) => a.judgeId === judgeIds[email])
          .map((a) => a.id)
          .sort();
        expect(mine.body.map((a: { id: string }) => a.id).sort()).toEqual(own);
        for (const a of mine.body)
          expect(a).toMatchObject({ roundId: contest.rounds[0].id, roundName: 'Screening', contestId: contest.id, status: 'todo' });
        const text = JSON.stringify(mine.body);
        for (const secret of [
          'Team Lotus',
          'AquaSense Crew',
          'Brickworks',
          'Net Menders',
          'Phạm Thu Hà',
          'Đỗ Minh Khôi',
          'lotus-secret',
          'aquasense-secret',
          'AquaSense JSC',
          'DAI HOC HAI PHONG',
          'confidential-deck',
          'aquasense-channel',
        ]) {
          expect(text).not.toContain(secret);
        }
        for (const key of [
          'teamName',
          'members',
          'organization',
          'owner',
          'ownerId',
          'ownerEmail',
          'videoUrl',
          'originalName',
          'fileName',
        ]) {
          expect(text).not.toContain(`"${key}"`);
        }
        for (const a of mine.body)
          for (const file of a.entry.attachments) expect(Object.keys(file).sort()).toEqual(['contentType', 'id', 'kind', 'size']);
      }
    });

    it('shows one assignment with the rubric and guidance, blind, and the deck under a neutral name', async () => {
      const holder = assignments.find((a) => a.entryId === entryAt(1).id) as { id: string; judgeId: string };
      const token = judges[emailOf(holder.judgeId)];
      const detail = await http.get(`/api/assignments/${holder.id}`, token);
      expect(detail.status).toBe(200);
      expect(detail.body.entry).toEqual({
        id: entryAt(1).id,
        code: entryAt(1).code,
        title: 'Salt-water sensors',
        summary: 'A summary',
        problem: 'A problem',
        solution: 'A solution',
        market: 'A market',
        businessModel: 'A business model',
        category: { id: contest.categoryId, name: 'Startups' },
        attachments: [{ id: deckId, kind: 'pitch_deck', size: deckBytes.length, contentType: 'application/pdf' }],
        answers: [],
      });
      expect(
        detail.body.round.criteria.map((c: { name: string; guidance: string; weight: number; maxScore: number }) => [
          c.name,
          c.weight,
          c.maxScore,
        ]),
      ).toEqual([
        ['Innovation', 40, 10],
        ['Market', 35, 10],
        ['Team', 25, 5],
      ]);
      expect(detail.body.round.criteria[0].guidance).toBe('0 = common, 10 = breakthrough');
      expect(detail.body.sheet).toMatchObject({ id: null, status: 'draft', version: 0, scores: [], total: 0 });

      const file = await fetch(`${api.url}/api/assignments/${holder.id}/attachments/${deckId}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toContain('application/pdf');
      expect(file.headers.get('content-disposition')).toContain(`filename="${entryAt(1).code}-pitch_deck.pdf"`);
      expect(file.headers.get('content-disposition')).not.toContain('confidential');
      // The round is blind: the judge gets the deck's copy without document metadata, still a PDF.
      const served = Buffer.from(await file.arrayBuffer());
      expect(served.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect((await PDFDocument.load(served)).getPageCount()).toBe(1);
    });

    it('answers 404 to a judge not assigned, for the assignment, its sheet and its files', async () => {
      const holder = assignments.find((a) => a.entryId === entryAt(1).id) as { id: string; judgeId: string };
      const outsider = Object.keys(judges).find((email) => !assignmentOf(email, entryAt(1).id)) as string;
      const token = judges[outsider];
      expect((await http.get(`/api/assignments/${holder.id}`, token)).status).toBe(404);
      expect((await http.get(`/api/assignments/${holder.id}/attachments/${deckId}`, token)).status).toBe(404);
      expect((await put(`/api/assignments/${holder.id}/sheet`, { scores: [] }, token)).status).toBe(404);
      expect((await http.post(`/api/assignments/${holder.id}/submit`, {}, token)).status).toBe(404);
      expect((await http.post(`/api/assignments/${holder.id}/recuse`, { reason: 'x' }, token)).status).toBe(404);
      expect((await http.get(`/api/assignments/${holder.id}`, organizer)).status).toBe(404);
      expect((await http.get('/api/assignments/not-a-uuid', token)).status).toBe(404);
    });
  });

  describe('score sheets', () => {
    let mine: { id: string; judgeId: string; entryId: string };
    let token: string;
    let criteria: { id: string; name: string }[];

    beforeAll(() => {
      mine = assignments.find((a) => a.entryId === entryAt(2).id) as typeof mine;
      token = known(judges[emailOf(mine.judgeId)], 'the token of the judge of the third entry');
      criteria = contest.rounds[0].criteria;
    });

    it('refuses a value outside 0..max, with three decimals, or for an unknown criterion (400 naming it)', async () => {
      const over = await put(`/api/assignments/${mine.id}/sheet`, { scores: [{ criterionId: criterionAt(2).id, value: 5.5 }] }, token);
      expect(over.status).toBe(400);
      expect(over.body.fields).toEqual([
        {
          field: 'scores.0.value',
          message: '"Team" must be between 0 and 5',
          code: 'score.out_of_range',
          params: { criterion: 'Team', max: 5 },
        },
      ]);
      const negative = await put(`/api/assignments/${mine.id}/sheet`, { scores: [{ criterionId: criterionAt(0).id, value: -1 }] }, token);
      expect(negative.status).toBe(400);
      const decimals = await put(
        `/api/assignments/${mine.id}/sheet`,
        { scores: [{ criterionId: criterionAt(0).id, value: 7.125 }] },
        token,
      );
      expect(decimals.status).toBe(400);
      expect(decimals.body.message).toContain('"Innovation" takes at most two decimals');
      const unknown = await put(
        `/api/assignments/${mine.id}/sheet`,
        { scores: [{ criterionId: '00000000-0000-4000-8000-000000000000', value: 1 }] },
        token,
      );
      expect(unknown.status).toBe(400);
      expect(unknown.body.fields[0].field).toBe('scores.0.criterionId');
      expect((await db.query(`SELECT count(*)::int AS n FROM score_sheets WHERE assignment_id = $1`, [mine.id])).rows[0].n).toBe(0);
    });

    it('saves partial drafts with a version, refuses a stale version (409), and 422 on submit with criteria missing', async () => {
      const first = await put(
        `/api/assignments/${mine.id}/sheet`,
        { scores: [{ criterionId: criterionAt(0).id, value: 8, comment: 'Novel' }], comment: 'Promising', version: 0 },
        token,
      );
      expect(first.status).toBe(200);
      // Innovation 8/10 with weight 40 of 100: 32 earned so far.
      expect(first.body).toMatchObject({
        status: 'draft',
        version: 1,
        comment: 'Promising',
        total: 32,
        scores: [{ criterionId: criterionAt(0).id, value: 8, comment: 'Novel' }],
      });

      const second = await put(
        `/api/assignments/${mine.id}/sheet`,
        {
          scores: [
            { criterionId: criterionAt(0).id, value: 8 },
            { criterionId: criterionAt(1).id, value: 7 },
          ],
          version: 1,
        },
        token,
      );
      expect(second.status).toBe(200);
      expect(second.body.version).toBe(2);

      const stale = await put(
        `/api/assignments/${mine.id}/sheet`,
        { scores: [{ criterionId: criterionAt(0).id, value: 1 }], version: 1 },
        token,
      );
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('sheet.stale_version');
      expect(stale.body.message).toMatch(/Reload/);
      const kept = await http.get(`/api/assignments/${mine.id}`, token);
      expect(kept.body.sheet.scores.map((s: { value: number }) => s.value)).toEqual([8, 7]);

      const incomplete = await http.post(`/api/assignments/${mine.id}/submit`, {}, token);
      expect(incomplete.status).toBe(422);
      expect(incomplete.body.code).toBe('sheet.incomplete');
      expect(incomplete.body.message).toContain('"Team"');
      expect(incomplete.body.fields).toEqual([
        { field: `scores.${criterionAt(2).id}`, message: '"Team" has no score yet', code: 'required', params: { criterion: 'Team' } },
      ]);
      expect(incomplete.body.params).toEqual({ criteria: 'Team' });
    });

    it('submits with the total of the domain formula, then the sheet is read-only (409)', async () => {
      const full = await put(
        `/api/assignments/${mine.id}/sheet`,
        { scores: criteria.map((c, i) => ({ criterionId: c.id, value: [8, 7, 4.25][i] })), version: 2 },
        token,
      );
      expect(full.status).toBe(200);
      const submitted = await http.post(`/api/assignments/${mine.id}/submit`, {}, token);
      expect(submitted.status).toBe(200);
      // 100 · (40·0.8 + 35·0.7 + 25·0.85) / 100 = 32 + 24.5 + 21.25 = 77.75
      expect(submitted.body).toMatchObject({ status: 'submitted', total: 77.75, version: 4 });
      const stored = await db.query(`SELECT total FROM score_sheets WHERE assignment_id = $1`, [mine.id]);
      expect(stored.rows[0].total).toBe(77.75);

      const late = await put(`/api/assignments/${mine.id}/sheet`, { scores: [] }, token);
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('sheet.submitted');
      expect((await http.post(`/api/assignments/${mine.id}/submit`, {}, token)).status).toBe(409);
      expect((await http.post(`/api/assignments/${mine.id}/recuse`, { reason: 'Too late' }, token)).status).toBe(409);
      expect((await del(`/api/assignments/${mine.id}`, organizer)).status).toBe(409);
    });

    it('a recused judge cannot score; re-running the assignment fills only the gap', async () => {
      const recusing = assignments.find((a) => a.entryId === entryAt(3).id) as {
        id: string;
        judgeId: string;
        entryId: string;
      };
      const judgeToken = judges[emailOf(recusing.judgeId)];
      expect(
        (await put(`/api/assignments/${recusing.id}/sheet`, { scores: [{ criterionId: criterionAt(0).id, value: 3 }] }, judgeToken)).status,
      ).toBe(200);
      const recused = await http.post(`/api/assignments/${recusing.id}/recuse`, { reason: 'I mentored this team' }, judgeToken);
      expect(recused.status).toBe(200);
      expect(recused.body).toMatchObject({ status: 'recused', recusalReason: 'I mentored this team' });
      const refused = await put(
        `/api/assignments/${recusing.id}/sheet`,
        { scores: [{ criterionId: criterionAt(0).id, value: 4 }] },
        judgeToken,
      );
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('assignment.recused');
      expect((await http.post(`/api/assignments/${recusing.id}/submit`, {}, judgeToken)).status).toBe(409);

      const conflicts = await http.get(`/api/contests/${contest.id}/conflicts`, organizer);
      const declared = conflicts.body.find((c: { source: string }) => c.source === 'declared');
      expect(declared).toMatchObject({
        judgeId: recusing.judgeId,
        entryId: entryAt(3).id,
        reason: 'I mentored this team',
      });
      const notRemovable = await del(`/api/contests/${contest.id}/conflicts/${declared.id}`, organizer);
      expect(notRemovable.status).toBe(409);

      const before = (await http.get(`/api/rounds/${contest.rounds[0].id}/assignments`, organizer)).body;
      const refill = await http.post(`/api/rounds/${contest.rounds[0].id}/assignments/auto`, { seed: 'another seed' }, organizer);
      expect(refill.status).toBe(200);
      expect(refill.body.assignments).toHaveLength(1);
      expect(refill.body.assignments[0].entryId).toBe(entryAt(3).id);
      expect(refill.body.assignments[0].judgeId).not.toBe(recusing.judgeId);
      const after = (await http.get(`/api/rounds/${contest.rounds[0].id}/assignments`, organizer)).body;
      expect(after).toHaveLength(before.length + 1);
      for (const a of before) expect(after).toContainEqual(expect.objectContaining({ id: a.id, judgeId: a.judgeId, entryId: a.entryId }));
      assignments.push({
        id: refill.body.assignments[0].id,
        judgeId: refill.body.assignments[0].judgeId,
        entryId: entryAt(3).id,
      });
    });

    it('an organizer conflict removes the pair’s open assignment in the same step and blocks assigning it again', async () => {
      const target = assignments.find((a) => a.entryId === entryAt(1).id) as {
        id: string;
        judgeId: string;
        entryId: string;
      };
      const judgeToken = judges[emailOf(target.judgeId)];
      const added = await http.post(
        `/api/contests/${contest.id}/conflicts`,
        { judgeId: target.judgeId, entryId: entryAt(1).id, reason: 'Shareholder' },
        organizer,
      );
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ source: 'organizer', reason: 'Shareholder', entryCode: entryAt(1).code });
      expect((await http.get(`/api/assignments/${target.id}`, judgeToken)).status).toBe(404);
      const manual = await http.post(
        `/api/rounds/${contest.rounds[0].id}/assignments`,
        { entryId: entryAt(1).id, judgeId: target.judgeId },
        organizer,
      );
      expect(manual.status).toBe(422);
      expect(
        (
          await http.post(
            `/api/contests/${contest.id}/conflicts`,
            { judgeId: target.judgeId, entryId: entryAt(1).id, reason: 'Again' },
            organizer,
          )
        ).status,
      ).toBe(409);

      // Removed again, the judge can be given the entry back by hand.
      expect((await del(`/api/contests/${contest.id}/conflicts/${added.body.id}`, organizer)).status).toBe(204);
      const back = await http.post(
        `/api/rounds/${contest.rounds[0].id}/assignments`,
        { entryId: entryAt(1).id, judgeId: target.judgeId },
        organizer,
      );
      expect(back.status).toBe(201);
      expect(back.body).toMatchObject({ status: 'todo', entryId: entryAt(1).id, judgeId: target.judgeId });
      assignments = assignments.map((a) => (a.id === target.id ? { ...a, id: back.body.id } : a));
    });
  });

  describe('progress and closing', () => {
    it('shows per-judge progress, per-entry coverage and the matrix', async () => {
      const progress = await http.get(`/api/rounds/${contest.rounds[0].id}/progress`, organizer);
      expect(progress.status).toBe(200);
      expect(progress.body.entries.map((e: { code: string; needed: number; assigned: number }) => [e.code, e.needed, e.assigned])).toEqual(
        entries.slice(0, 4).map((e) => [e.code, 2, 2]),
      );
      // 8 active assignments (the recused one aside), 1 submitted.
      expect(progress.body.percentSubmitted).toBeCloseTo(12.5, 9);
      const totals = progress.body.judges.reduce((sum: Record<string, number>, j: Record<string, number>) => {
        for (const k of ['assigned', 'draft', 'submitted', 'recused']) sum[k] = (sum[k] ?? 0) + known(j[k], 'j[k]');
        return sum;
      }, {});
      expect(totals).toEqual({ assigned: 8, draft: 0, submitted: 1, recused: 1 });
      expect(progress.body.matrix.cells).toHaveLength(9);
      expect(progress.body.matrix.cells).toContainEqual(
        expect.objectContaining({ entryId: entryAt(2).id, status: 'submitted', total: 77.75 }),
      );
      expect((await http.get(`/api/rounds/${contest.rounds[0].id}/progress`, judges['judge1@demo.laurel'])).status).toBe(403);
    });

    it('after the round closes, the API answers 409 and the database refuses a direct write', async () => {
      const draft = assignments.find((a) => a.entryId === entryAt(0).id) as { id: string; judgeId: string };
      const token = judges[emailOf(draft.judgeId)];
      expect(
        (await put(`/api/assignments/${draft.id}/sheet`, { scores: [{ criterionId: criterionAt(0).id, value: 5 }] }, token)).status,
      ).toBe(200);

      const closed = await http.post(`/api/rounds/${contest.rounds[0].id}/close`, {}, organizer);
      expect(closed.status).toBe(200);
      expect(closed.body.status).toBe('closed');
      expect((await http.post(`/api/rounds/${contest.rounds[0].id}/close`, {}, organizer)).status).toBe(409);

      const late = await put(`/api/assignments/${draft.id}/sheet`, { scores: [{ criterionId: criterionAt(0).id, value: 6 }] }, token);
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('round.closed');
      expect(late.body.message).toMatch(/round is closed/);
      expect((await http.post(`/api/assignments/${draft.id}/submit`, {}, token)).status).toBe(409);

      await expect(
        db.query(`UPDATE scores SET value = 1 WHERE sheet_id = (SELECT id FROM score_sheets WHERE assignment_id = $1)`, [draft.id]),
      ).rejects.toMatchObject({ code: 'LR001' });
      await expect(db.query(`UPDATE score_sheets SET total = 99 WHERE assignment_id = $1`, [draft.id])).rejects.toMatchObject({
        code: 'LR001',
      });
      const value = await db.query(`SELECT s.value FROM scores s JOIN score_sheets ss ON ss.id = s.sheet_id WHERE ss.assignment_id = $1`, [
        draft.id,
      ]);
      expect(Number(value.rows[0].value)).toBe(5);
    });
  });
});
