import { Client } from 'pg';
import { known } from '@laurel/domain';
import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';
import { EventStream } from './support/event-stream';
import { Http } from './support/http';
import { type BuiltContest, type BuiltEntry, type BuiltJudge, ResultsFixture } from './support/results-fixtures';

/**
 * Pitch day over HTTP with two API processes on one database: the organizer controls the stage
 * through the first, judges and the projector board follow it through the second.
 */
describe('pitch day: run sheet, stage control and the streams that follow it', () => {
  let api1: ApiProcess;
  let api2: ApiProcess;
  let http1: Http;
  let http2: Http;
  let db: Client;
  let organizer: string;
  let fixture: ResultsFixture;
  let contest: BuiltContest;
  let round: BuiltContest['rounds'][number];
  let entries: BuiltEntry[];
  let judges: [BuiltJudge, BuiltJudge, BuiltJudge];
  let outsider: BuiltJudge;
  let version = 0;
  const streams: EventStream[] = [];

  const rubric = [
    { name: 'Innovation', weight: 50, maxScore: 10 },
    { name: 'Market', weight: 50, maxScore: 10 },
  ];
  const slotOf = (entry: BuiltEntry) => `entry:${entry.id}`;

  async function follow(http: Http, token: string, api = api2): Promise<EventStream> {
    const ticket = await http.post(`/api/rounds/${round.id}/stage/ticket`, {}, token);
    expect(ticket.status).toBe(200);
    const stream = await new EventStream().open(`${api.url}${ticket.body.url}`);
    streams.push(stream);
    expect(stream.status).toBe(200);
    return stream;
  }

  async function act(body: Record<string, unknown>, http = http1) {
    const answer = await http.post(`/api/rounds/${round.id}/stage`, { version, ...body }, organizer);
    if (answer.status === 200) version = answer.body.version;
    return answer;
  }

  beforeAll(async () => {
    const url = await createDatabase();
    expect((await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: url })).code).toBe(0);
    const env = { JWT_SECRET: 'pitch-day-test-secret-0123456789abcdef' };
    [api1, api2] = await Promise.all([startApi(env, url), startApi(env, url)]);
    http1 = new Http(api1.url);
    http2 = new Http(api2.url);
    db = new Client({ connectionString: url });
    await db.connect();
    organizer = await http1.login('organizer@demo.laurel');
    fixture = new ResultsFixture(http1, organizer);
    contest = await fixture.contest({
      categories: ['Startups'],
      prizes: [
        { tier: 'first', count: 1 },
        { tier: 'second', count: 1 },
        { tier: 'third', count: 1 },
        { tier: 'encouragement', count: 1 },
      ],
      rounds: [{ name: 'Chung kết', order: 1, criteria: rubric }],
    });
    round = contest.rounds[0];
    entries = [];
    for (const [title, teamName] of [
      ['Trạm sạc mặt trời', 'SunCharge'],
      ['Bản đồ ngập lụt', 'FloodMap'],
      ['Nông trại thông minh', 'AgriSense'],
      ['Học tiếng Việt', 'VietLingo'],
    ] as const) {
      const entry = await fixture.entry(contest, { title, teamName, category: 'Startups' });
      await fixture.eligibility(entry.id, true);
      entries.push(entry);
    }
    await fixture.status(contest.id, 'closed');
    await fixture.status(contest.id, 'judging');
    judges = [
      await fixture.judge(contest.id, 'Giám khảo A'),
      await fixture.judge(contest.id, 'Giám khảo B'),
      await fixture.judge(contest.id, 'Giám khảo C'),
    ];
    await fixture.openRound(round.id);

    // A judge of another contest's round.
    const other = await fixture.contest({ categories: ['Ideas'], prizes: [], rounds: [{ name: 'Vòng khác', order: 1, criteria: rubric }] });
    const otherEntry = await fixture.entry(other, { title: 'Khác', teamName: 'Other', category: 'Ideas' });
    await fixture.eligibility(otherEntry.id, true);
    await fixture.status(other.id, 'closed');
    await fixture.status(other.id, 'judging');
    outsider = await fixture.judge(other.id, 'Giám khảo ngoài');
    await fixture.openRound(known(other.rounds[0], 'other.rounds[0]').id);
  }, 180_000);

  afterAll(async () => {
    streams.forEach((s) => s.close());
    await db?.end();
    await Promise.all([api1?.stop(), api2?.stop()]);
  });

  it('follows only a round run live, and only for its organizer and its judges', async () => {
    const before = await http1.get(`/api/rounds/${round.id}/stage`, organizer);
    expect(before.status).toBe(409);
    expect(before.body.error ?? before.body.code).toBeDefined();
    expect(before.body.message).toMatch(/not run live/);

    const enabled = await http1.request('PATCH', `/api/rounds/${round.id}`, { body: { live: { enabled: true } }, token: organizer });
    expect(enabled.status).toBe(200);
    expect(enabled.body.live).toEqual({ enabled: true });

    // A judge of another round learns nothing, not even that the round exists.
    expect((await http2.get(`/api/rounds/${round.id}/stage`, outsider.token)).status).toBe(404);
    expect((await http2.post(`/api/rounds/${round.id}/stage/ticket`, {}, outsider.token)).status).toBe(404);
    const bearer = await new EventStream().open(`${api2.url}/api/rounds/${round.id}/stage/events`, {
      authorization: `Bearer ${outsider.token}`,
    });
    expect(bearer.status).toBe(404);
    const forged = await new EventStream().open(`${api2.url}/api/rounds/${round.id}/stage/events?ticket=eyJyIjoiIn0.AAAA`);
    expect(forged.status).toBe(401);
    // Judges follow; they do not control.
    expect((await http2.post(`/api/rounds/${round.id}/stage`, { version: 0, action: 'next' }, judges[0].token)).status).toBe(403);
  });

  it('shows every instance the same default draw before anything is stored, judges without team names', async () => {
    const [one, two] = await Promise.all([
      http1.get(`/api/rounds/${round.id}/stage`, organizer),
      http2.get(`/api/rounds/${round.id}/stage`, organizer),
    ]);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ version: 0, current: null, seed: round.id.slice(0, 8), roundStatus: 'open' });
    expect(one.body.slots.map((s: any) => s.id)).toEqual(two.body.slots.map((s: any) => s.id));
    expect(one.body.slots.map((s: any) => s.entryId).sort()).toEqual(entries.map((e) => e.id).sort());
    expect(one.body.slots[0]).toMatchObject({ kind: 'entry', pitchSeconds: 300, qaSeconds: 300, outcome: null });
    expect(one.body.slots.every((s: any) => s.teamName)).toBe(true);
    expect(one.body.judges.map((j: any) => j.displayName)).toEqual(['Giám khảo A', 'Giám khảo B', 'Giám khảo C']);

    const mine = await http2.get(`/api/rounds/${round.id}/stage`, judges[0].token);
    expect(mine.status).toBe(200);
    expect(mine.body.slots.every((s: any) => s.teamName === null)).toBe(true);
    expect(mine.body.judges).toBeUndefined();
    expect(mine.body.seed).toBeUndefined();
    expect(Object.keys(mine.body.assignments).sort()).toEqual(entries.map((e) => e.id).sort());
    expect(JSON.stringify(mine.body)).not.toContain('Giám khảo B');
  });

  it('saves the order, minutes and breaks, redraws by seed before the start, and refuses a stale or incomplete run sheet', async () => {
    const slots = [
      {
        id: slotOf(known(entries[0], 'entries[0]')),
        kind: 'entry',
        entryId: known(entries[0], 'entries[0]').id,
        pitchSeconds: 240,
        qaSeconds: 180,
      },
      {
        id: slotOf(known(entries[1], 'entries[1]')),
        kind: 'entry',
        entryId: known(entries[1], 'entries[1]').id,
        pitchSeconds: 240,
        qaSeconds: 180,
      },
      { id: 'break:coffee', kind: 'break', seconds: 600, label: 'Giải lao' },
      {
        id: slotOf(known(entries[2], 'entries[2]')),
        kind: 'entry',
        entryId: known(entries[2], 'entries[2]').id,
        pitchSeconds: 240,
        qaSeconds: 180,
      },
      {
        id: slotOf(known(entries[3], 'entries[3]')),
        kind: 'entry',
        entryId: known(entries[3], 'entries[3]').id,
        pitchSeconds: 240,
        qaSeconds: 0,
      },
    ];
    const saved = await http1.request('PUT', `/api/rounds/${round.id}/run-sheet`, { body: { version: 0, slots }, token: organizer });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(1);
    expect(saved.body.slots.map((s: any) => s.id)).toEqual(slots.map((s) => s.id));
    expect(saved.body.slots[2]).toMatchObject({ kind: 'break', seconds: 600, label: 'Giải lao' });

    const stale = await http1.request('PUT', `/api/rounds/${round.id}/run-sheet`, { body: { version: 0, slots }, token: organizer });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/Someone else changed the stage first/);
    const missing = await http1.request('PUT', `/api/rounds/${round.id}/run-sheet`, {
      body: { version: 1, slots: slots.slice(1) },
      token: organizer,
    });
    expect(missing.status).toBe(422);
    expect(missing.body.message).toMatch(/every team of the round has a slot/);
    // The left-out team is named by its code, for a client to word the problem itself.
    expect(missing.body.fields).toEqual([
      {
        field: 'slots',
        code: 'run_sheet.entry_missing',
        params: { entry: known(entries[0], 'entries[0]').code },
        message: expect.stringContaining('every team of the round has a slot'),
      },
    ]);

    const drawn = await http1.post(`/api/rounds/${round.id}/run-sheet/draw`, { version: 1, seed: 'chung-ket-2026' }, organizer);
    expect(drawn.status).toBe(200);
    expect(drawn.body).toMatchObject({ version: 2, seed: 'chung-ket-2026' });
    // The break keeps its place; the teams keep their minutes.
    expect(drawn.body.slots[2].id).toBe('break:coffee');
    expect(drawn.body.slots.find((s: any) => s.entryId === known(entries[3], 'entries[3]').id)).toMatchObject({ qaSeconds: 0 });
    // The same seed gives the same order again, on the other instance too.
    const again = await http2.post(`/api/rounds/${round.id}/run-sheet/draw`, { version: 2, seed: 'chung-ket-2026' }, organizer);
    expect(again.body.slots.map((s: any) => s.id)).toEqual(drawn.body.slots.map((s: any) => s.id));
    version = again.body.version;
    const audit = await db.query(`SELECT payload FROM audit_events WHERE contest_id = $1 AND action = 'stage.drawn' ORDER BY occurred_at`, [
      contest.id,
    ]);
    expect(audit.rows.map((r) => r.payload.seed)).toEqual(['chung-ket-2026', 'chung-ket-2026']);
  });

  it('moves every judge page and the board when a team starts, and the loser of two "next" at once gets 409', async () => {
    const judgeStreams = await Promise.all(judges.map((j) => follow(http2, j.token)));
    const board = await follow(http2, organizer);
    for (const stream of judgeStreams) {
      expect((await stream.next('assignments', () => true, 5000)).data[known(entries[0], 'entries[0]').id]).toBeDefined();
      await stream.next('stage', (d) => d.version === version, 5000);
    }
    const order: string[] = (await board.next('stage', (d) => d.version === version, 5000)).data.slots
      .filter((s: any) => s.kind === 'entry')
      .map((s: any) => s.id);

    const seen = judgeStreams.map((s) => s.events.length);
    // Two organizers, one on each API process, press "next" on the same version.
    const [a, b] = await Promise.all([
      http1.post(`/api/rounds/${round.id}/stage`, { version, action: 'next' }, organizer),
      http2.post(`/api/rounds/${round.id}/stage`, { version, action: 'next' }, organizer),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.message).toMatch(/Someone else changed the stage first.*is on stage now.*Nothing was changed/);
    const startedAt = Date.now();
    const first = order[0];
    for (const [i, stream] of judgeStreams.entries()) {
      const moved = await stream.next('stage', (d) => d.current?.slotId === first, 1000, seen[i]);
      expect(moved.receivedAt - startedAt).toBeLessThan(1000);
      expect(moved.data.judges).toBeUndefined();
    }
    const shown = await board.next('stage', (d) => d.current?.slotId === first, 1000);
    expect(shown.data.judges.map((j: any) => j.submitted)).toEqual([false, false, false]);

    // One press moved the stage one slot: the second team is up next, nothing was passed over.
    const now = await http1.get(`/api/rounds/${round.id}/stage`, organizer);
    expect(now.body.current.slotId).toBe(first);
    expect(now.body.version).toBe(version + 1);
    version = now.body.version;
    expect(now.body.slots.filter((s: any) => s.outcome !== null)).toEqual([]);
    const nexts = await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE contest_id = $1 AND action = 'stage.next'`, [
      contest.id,
    ]);
    expect(nexts.rows[0].n).toBe(1);
  });

  it('refuses to start a team that is not in the run sheet', async () => {
    const stranger = await act({ action: 'start', slotId: 'entry:00000000-0000-4000-8000-000000000000' });
    expect(stranger.status).toBe(422);
    expect(stranger.body.message).toMatch(/not in the run sheet/);
    expect(stranger.body.fields).toMatchObject([{ field: 'slotId', code: 'stage.slot_unknown' }]);
    const noSeconds = await act({ action: 'extend' });
    expect(noSeconds.status).toBe(400);
    expect(noSeconds.body.fields).toMatchObject([{ field: 'seconds', code: 'required' }]);
    expect((await act({ action: 'resume' })).status).toBe(409);
  });

  it('shows the control page and the board a judge’s submission within a second, never the score', async () => {
    const board = await follow(http1, organizer, api1);
    await board.next('stage', () => true, 5000);
    const now = await http1.get(`/api/rounds/${round.id}/stage`, organizer);
    const entryId = now.body.slots.find((s: any) => s.id === now.body.current.slotId).entryId;
    const seen = board.events.length;
    await fixture.score(judges[1], round, entryId, { Innovation: 9, Market: 7 }, http2);
    const submittedAt = Date.now();
    const update = await board.next('stage', (d) => d.judges.some((j: any) => j.submitted), 1000, seen);
    expect(update.receivedAt - submittedAt).toBeLessThan(1000);
    expect(update.data.judges.map((j: any) => [j.displayName, j.submitted])).toEqual([
      ['Giám khảo A', false],
      ['Giám khảo B', true],
      ['Giám khảo C', false],
    ]);
    // 100 · (50 · 0.9 + 50 · 0.7) / 100 = 80: nowhere on the board.
    expect(JSON.stringify(update.data)).not.toMatch(/"total"|"score":80|80\.0/);
  });

  it('pauses, resumes and extends from stored instants, and skips or marks a no-show', async () => {
    const paused = await act({ action: 'pause' });
    expect(paused.status).toBe(200);
    expect(paused.body.current.pausedAt).not.toBeNull();
    expect((await act({ action: 'pause' })).status).toBe(409);
    const resumed = await act({ action: 'resume' });
    expect(resumed.body.current.pausedAt).toBeNull();
    expect(resumed.body.current.pausedMs).toBeGreaterThanOrEqual(0);
    const extended = await act({ action: 'extend', seconds: 60 });
    // Still in the 240 s pitch: the minute goes to the pitch.
    expect(extended.body.current.extraPitchMs).toBe(60_000);

    const sheet = extended.body.slots.filter((s: any) => s.kind === 'entry');
    const noShow = await act({ action: 'no_show', slotId: sheet[3].id });
    expect(noShow.body.slots.find((s: any) => s.id === sheet[3].id).outcome).toBe('no_show');
    const next = await act({ action: 'next' });
    expect(next.body.current.slotId).toBe(next.body.slots[1].id);
    expect(next.body.slots[0].outcome).toBe('done');
  });

  it('lets a judge page that lost its connection catch up to the team on stage when it reconnects', async () => {
    const dropped = await follow(http2, judges[2].token);
    const before = await dropped.next('stage', () => true, 5000);
    dropped.close();
    const moved = await act({ action: 'next' });
    expect(moved.status).toBe(200);
    expect(moved.body.current.slotId).not.toBe(before.data.current?.slotId);
    const back = await follow(http2, judges[2].token);
    const caughtUp = await back.next('stage', () => true, 2000);
    expect(caughtUp.data.current.slotId).toBe(moved.body.current.slotId);
    expect(caughtUp.data.version).toBe(version);
  });

  it('reveals the awards tier by tier, encouragement first, once the round is closed', async () => {
    expect((await act({ action: 'reveal' })).status).toBe(409);
    // Every judge scores every team: 9/9, 8/8, 7/7 and 6/6 give 90, 80, 70 and 60.
    const totals = new Map(entries.map((e, i) => [e.id, 9 - i]));
    for (const judge of judges) {
      for (const entry of entries) {
        if (judge === judges[1]) {
          const mine = await http1.get('/api/me/assignments', judge.token);
          const a = mine.body.find((x: any) => x.entry.id === entry.id);
          const detail = await http1.get(`/api/assignments/${a.id}`, judge.token);
          if (detail.body.sheet?.status === 'submitted') continue;
        }
        const v = totals.get(entry.id) as number;
        await fixture.score(judge, round, entry.id, { Innovation: v, Market: v });
      }
    }
    // Judge B scored the first team on stage 9/7 earlier, whichever it was.
    await fixture.closeRound(round.id);
    const board = await follow(http2, organizer);
    await board.next('stage', (d) => d.roundStatus === 'closed', 5000);

    const shown: string[][] = [];
    for (let step = 1; step <= 4; step++) {
      const answer = await act({ action: 'reveal' });
      expect(answer.status).toBe(200);
      const event = await board.next('stage', (d) => d.reveal.step === step, 1000);
      expect(event.data.reveal.source).toBe('proposed');
      shown.push(event.data.reveal.tiers.map((t: any) => `${t.tier}:${t.entries.map((e: any) => e.teamName).join('+')}`));
    }
    expect(shown).toEqual([
      ['encouragement:VietLingo'],
      ['encouragement:VietLingo', 'third:AgriSense'],
      ['encouragement:VietLingo', 'third:AgriSense', 'second:FloodMap'],
      ['encouragement:VietLingo', 'third:AgriSense', 'second:FloodMap', 'first:SunCharge'],
    ]);
    expect((await act({ action: 'reveal' })).status).toBe(409);

    // Once the organizer confirms the awards, the board reveals those rather than the proposal.
    const proposal = await http1.get(`/api/contests/${contest.id}/awards/proposal`, organizer);
    const confirmed = await http1.post(
      `/api/contests/${contest.id}/awards`,
      { awards: proposal.body.lines.filter((l: any) => l.entryId).map((l: any) => ({ tier: l.tier, entryId: l.entryId })) },
      organizer,
    );
    expect(confirmed.status).toBeLessThan(300);
    const after = await http2.get(`/api/rounds/${round.id}/stage`, organizer);
    expect(after.body.reveal.source).toBe('confirmed');
    expect(after.body.reveal.tiers.map((t: any) => `${t.tier}:${t.entries.map((e: any) => e.teamName).join('+')}`)).toEqual(shown[3]);
    const chain = await http1.get(`/api/contests/${contest.id}/audit/verify`, organizer);
    expect(chain.body.valid).toBe(true);
  });

  it('lists a judge only the pitches they still score: not one they recused from, none once off the panel', async () => {
    const judge = judges[2];
    const before = await http2.get(`/api/rounds/${round.id}/stage`, judge.token);
    expect(before.status).toBe(200);
    const entryIds = Object.keys(before.body.assignments).sort();
    expect(entryIds).toEqual(entries.map((e) => e.id).sort());
    // Written in the database: the round is closed by now, and the API takes a recusal only while it is open.
    const recused = entryIds[0];
    await db.query(
      `UPDATE assignments SET status = 'recused', recusal_reason = 'advised the team' WHERE round_id = $1 AND judge_id = $2 AND entry_id = $3`,
      [round.id, judge.id, recused],
    );
    const after = await http2.get(`/api/rounds/${round.id}/stage`, judge.token);
    expect(Object.keys(after.body.assignments).sort()).toEqual(entryIds.slice(1));

    await db.query(`DELETE FROM contest_judges WHERE contest_id = $1 AND user_id = $2`, [contest.id, judge.id]);
    expect((await http2.get(`/api/rounds/${round.id}/stage`, judge.token)).status).toBe(404);
    expect((await http2.post(`/api/rounds/${round.id}/stage/ticket`, {}, judge.token)).status).toBe(404);
  });
});
