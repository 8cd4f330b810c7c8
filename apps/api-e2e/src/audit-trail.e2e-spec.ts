import { Workbook } from 'exceljs';
import { Client } from 'pg';
import { known } from '@laurel/domain';
import { completeEntry, getBytes, newApplicant, postFile } from './fixtures/entries';
import { tinyPdf } from './fixtures/files';
import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';
import { Http, type HttpResult } from './support/http';
import { RUBRIC, scoreAndSubmit, sheetValuesOutOfStep, userId } from './support/judging-fixtures';
import { acceptInvitationByMail } from './support/mailbox';

const DAY = 24 * 60 * 60 * 1000;

/**
 * A whole contest through the API, from creation to publication; every change of state it makes
 * must leave its audit event in the contest's chain (DESIGN "Rules every endpoint keeps").
 */
describe('the audit trail of a whole contest', () => {
  let api: ApiProcess;
  let http: Http;
  let db: Client;
  let organizer: string;

  beforeAll(async () => {
    const databaseUrl = await createDatabase();
    await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: databaseUrl });
    api = await startApi({}, databaseUrl);
    http = new Http(api.url);
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    organizer = await http.login('organizer@demo.laurel');
  });
  afterAll(async () => {
    await db?.end();
    await api?.stop();
  });

  async function ok<T = any>(result: Promise<HttpResult<T>> | HttpResult<T>, what: string): Promise<T> {
    const answer = await result;
    if (answer.status >= 300) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }
  const patch = (path: string, body: unknown, token: string) => http.request('PATCH', path, { body, token });

  it('records every change of state with its contest, in the same chain', async () => {
    // The contest and its configuration.
    const contest = await ok(
      http.post(
        '/api/contests',
        {
          name: 'Audited contest',
          slug: `audited-${Date.now()}`,
          year: 2027,
          submissionOpensAt: new Date(Date.now() - DAY).toISOString(),
          submissionClosesAt: new Date(Date.now() + 30 * DAY).toISOString(),
          requirePitchDeck: true,
          categories: [{ name: 'Startups' }],
          prizes: [{ tier: 'first', count: 1 }],
        },
        organizer,
      ),
      'create contest',
    );
    const edited = await ok(
      patch(`/api/contests/${contest.id}`, { version: contest.version, description: 'Now with rules' }, organizer),
      'edit contest',
    );
    const round = await ok(
      http.post(
        `/api/contests/${contest.id}/rounds`,
        { name: 'Screening', order: 1, panel: 'assigned', judgesPerEntry: 1, aggregation: 'mean', criteria: RUBRIC },
        organizer,
      ),
      'create round',
    );
    await ok(
      patch(
        `/api/rounds/${round.id}`,
        { criteria: RUBRIC.map((c, i) => ({ ...c, id: round.criteria[i].id, description: `${c.description}.` })) },
        organizer,
      ),
      'edit rubric',
    );
    const spare = await ok(
      http.post(
        `/api/contests/${contest.id}/rounds`,
        { name: 'Spare', order: 2, panel: 'complete', judgesPerEntry: 1, aggregation: 'mean', criteria: RUBRIC },
        organizer,
      ),
      'create spare round',
    );
    await ok(http.request('DELETE', `/api/rounds/${spare.id}`, { token: organizer }), 'delete spare round');

    // The panel: two judges stay, a third is invited and removed.
    for (const email of ['judge1@demo.laurel', 'judge2@demo.laurel', 'judge3@demo.laurel']) {
      await ok(http.post(`/api/contests/${contest.id}/judges`, { email, displayName: email }, organizer), `invite ${email}`);
      // The judge opens the mailed invitation and accepts it, signed in as the invited address.
      await acceptInvitationByMail(http, email);
    }
    const judge3 = await userId(db, 'judge3@demo.laurel');
    await ok(http.request('DELETE', `/api/contests/${contest.id}/judges/${judge3}`, { token: organizer }), 'remove judge3');

    await ok(http.post(`/api/contests/${contest.id}/status`, { status: 'open', version: edited.version }, organizer), 'open contest');

    // Entries: two submitted with their decks, one withdrawn, one file removed, one imported.
    const categoryId = contest.categories[0].id;
    const submitted: string[] = [];
    for (const title of ['Audited A', 'Audited B']) {
      const team = await newApplicant(http);
      const entry = await ok(
        http.post(
          `/api/contests/${contest.id}/entries`,
          completeEntry(contest, categoryId, { title, organization: `${title} JSC` }),
          team.token,
        ),
        'create entry',
      );
      const deck = await postFile(api.url, `/api/entries/${entry.id}/attachments`, team.token, {
        bytes: tinyPdf(),
        fileName: 'deck.pdf',
        kind: 'pitch_deck',
      });
      expect(deck.status).toBe(201);
      if (title === 'Audited A') {
        const extra = await postFile(api.url, `/api/entries/${entry.id}/attachments`, team.token, {
          bytes: tinyPdf(400),
          fileName: 'extra.pdf',
          kind: 'other',
        });
        await ok(http.request('DELETE', `/api/entries/${entry.id}/attachments/${extra.body.id}`, { token: team.token }), 'remove file');
      }
      await ok(
        http.post(
          `/api/entries/${entry.id}/submit`,
          { version: (await http.get(`/api/entries/${entry.id}`, team.token)).body.version },
          team.token,
        ),
        'submit',
      );
      submitted.push(entry.id);
    }
    const quitter = await newApplicant(http);
    const draft = await ok(
      http.post(`/api/contests/${contest.id}/entries`, completeEntry(contest, categoryId, { title: 'Gave up' }), quitter.token),
      'draft',
    );
    await ok(http.post(`/api/entries/${draft.id}/withdraw`, {}, quitter.token), 'withdraw');

    const template = new Workbook();
    await template.xlsx.load(
      (await getBytes(api.url, `/api/contests/${contest.id}/entries/import-template.xlsx`, organizer)).bytes as never,
    );
    known(template.worksheets[0], 'template.worksheets[0]').addRow([
      'Imported C',
      'Đội C',
      'Startups',
      '',
      'Tóm tắt',
      'Vấn đề',
      'Giải pháp',
      'Thị trường',
      'Mô hình',
      '',
      'Lê Văn C',
      'CEO',
    ]);
    const imported = await postFile(api.url, `/api/contests/${contest.id}/entries/import`, organizer, {
      bytes: Buffer.from(await template.xlsx.writeBuffer()),
      fileName: 'entries.xlsx',
    });
    expect(imported.body).toEqual({ imported: 1 });

    // Screening, conflicts, judging.
    await ok(http.post(`/api/contests/${contest.id}/status`, { status: 'closed' }, organizer), 'close submissions');
    await ok(http.post(`/api/contests/${contest.id}/status`, { status: 'judging' }, organizer), 'start judging');
    const { rows: entries } = await db.query(`SELECT id FROM entries WHERE contest_id = $1 AND status = 'submitted' ORDER BY code`, [
      contest.id,
    ]);
    for (const { id } of entries) await ok(http.post(`/api/entries/${id}/eligibility`, { eligible: true }, organizer), 'screen');
    const judge1 = await userId(db, 'judge1@demo.laurel');
    const judge2 = await userId(db, 'judge2@demo.laurel');
    const conflict = await ok(
      http.post(`/api/contests/${contest.id}/conflicts`, { judgeId: judge2, entryId: submitted[0], reason: 'Former adviser' }, organizer),
      'add conflict',
    );
    await ok(http.request('DELETE', `/api/contests/${contest.id}/conflicts/${conflict.id}`, { token: organizer }), 'remove conflict');

    await ok(http.post(`/api/rounds/${round.id}/open`, {}, organizer), 'open round');
    await ok(http.post(`/api/rounds/${round.id}/assignments/auto`, {}, organizer), 'assign');
    const tokens = { [judge1]: await http.login('judge1@demo.laurel'), [judge2]: await http.login('judge2@demo.laurel') };
    const { rows: assignments } = await db.query(`SELECT id, judge_id FROM assignments WHERE round_id = $1 ORDER BY id`, [round.id]);
    const [recusing, ...scoring] = assignments;
    await ok(http.post(`/api/assignments/${recusing.id}/recuse`, { reason: 'I know the team' }, tokens[recusing.judge_id]), 'recuse');
    for (const a of scoring) await scoreAndSubmit(http, known(tokens[a.judge_id], 'tokens[a.judge_id]'), a.id, 0.8);
    await ok(http.post(`/api/rounds/${round.id}/close`, {}, organizer), 'close round');

    // Awards and publication.
    const proposal = await ok(http.get(`/api/contests/${contest.id}/awards/proposal`, organizer), 'proposal');
    const first = proposal.lines.find((l: { entryId?: string }) => l.entryId);
    await ok(
      http.post(
        `/api/contests/${contest.id}/awards`,
        { awards: [{ tier: 'first', entryId: first.entryId, reason: 'The panel chose it in the tie' }] },
        organizer,
      ),
      'confirm awards',
    );
    // The council is the final round's judges: both approve before publication.
    for (const token of Object.values(tokens))
      await ok(http.post(`/api/contests/${contest.id}/awards/approvals`, { decision: 'approve' }, token), 'approve');
    await ok(http.post(`/api/contests/${contest.id}/publish`, {}, organizer), 'publish');

    // Every change above is in the contest's trail, read the way the organizer reads it.
    const trail = await ok(http.get(`/api/contests/${contest.id}/audit?pageSize=200`, organizer), 'audit page');
    const actions: string[] = trail.items.map((e: { action: string; contestId: string }) => {
      expect(e.contestId).toBe(contest.id);
      return e.action;
    });
    const count = (action: string) => actions.filter((a) => a === action).length;
    expect({
      'contest.created': count('contest.created'),
      'contest.updated': count('contest.updated'),
      'contest.status_changed': count('contest.status_changed'),
      'round.created': count('round.created'),
      'round.updated': count('round.updated'),
      'round.deleted': count('round.deleted'),
      'panel.judge_invited': count('panel.judge_invited'),
      'panel.judge_removed': count('panel.judge_removed'),
      'attachment.added': count('attachment.added'),
      'attachment.removed': count('attachment.removed'),
      'entry.submitted': count('entry.submitted'),
      'entry.withdrawn': count('entry.withdrawn'),
      'entries.imported': count('entries.imported'),
      'entry.eligibility_set': count('entry.eligibility_set'),
      'conflict.added': count('conflict.added'),
      'conflict.removed': count('conflict.removed'),
      'round.opened': count('round.opened'),
      'assignment.recused': count('assignment.recused'),
      'sheet.submitted': count('sheet.submitted'),
      'round.closed': count('round.closed'),
      'awards.confirmed': count('awards.confirmed'),
      'contest.published': count('contest.published'),
    }).toEqual({
      'contest.created': 1,
      'contest.updated': 1,
      // open, closed, judging (publishing has its own event)
      'contest.status_changed': 3,
      'round.created': 2,
      'round.updated': 1,
      'round.deleted': 1,
      'panel.judge_invited': 3,
      'panel.judge_removed': 1,
      // two decks and the extra file
      'attachment.added': 3,
      'attachment.removed': 1,
      'entry.submitted': 2,
      'entry.withdrawn': 1,
      'entries.imported': 1,
      // A, B and the imported C
      'entry.eligibility_set': 3,
      'conflict.added': 1,
      'conflict.removed': 1,
      'round.opened': 1,
      'assignment.recused': 1,
      'sheet.submitted': scoring.length,
      'round.closed': 1,
      'awards.confirmed': 1,
      'contest.published': 1,
    });
    // One event per assignment run, naming every assignment it made.
    const assigned = trail.items
      .filter((e: { action: string }) => e.action === 'assignment.created')
      .flatMap((e: { payload: { assignments: string[] } }) => e.payload.assignments);
    expect(assigned.sort()).toEqual(assignments.map((a) => a.id).sort());

    // Each submission's event carries the code the entry got in that same transaction.
    const { rows: submittedEvents } = await db.query(
      `SELECT count(*)::int AS n FROM audit_events a JOIN entries e ON e.id::text = a.subject_id::text WHERE a.action = 'entry.submitted' AND e.contest_id = $1 AND e.code = a.payload->>'code'`,
      [contest.id],
    );
    expect(submittedEvents[0].n).toBe(2);

    // Each submitted sheet carries its score values, as its score rows hold them, for results.
    const values = await sheetValuesOutOfStep(db);
    expect(values.submitted).toBeGreaterThanOrEqual(scoring.length);
    expect(values.outOfStep).toEqual([]);
  });
});
