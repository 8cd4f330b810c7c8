import { type ClientRequest, get } from 'node:http';
import { Client } from 'pg';
import { known } from '@laurel/domain';
import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';
import { type BuiltContest, type BuiltEntry, type BuiltJudge, ResultsFixture } from './support/results-fixtures';

interface StandingsEvent {
  receivedAt: number;
  data: any;
}

/**
 * Reads a server-sent event stream and queues its `standings` events. Plain node:http, closed by
 * destroying the connection, as a browser's EventSource does.
 */
class EventStream {
  readonly events: StandingsEvent[] = [];
  private request: ClientRequest | null = null;
  private waiters: (() => void)[] = [];
  status = 0;
  contentType = '';

  open(url: string, headers: Record<string, string> = {}): Promise<void> {
    return new Promise((resolve, reject) => {
      this.request = get(url, { headers: { accept: 'text/event-stream', ...headers } }, (response) => {
        this.status = response.statusCode ?? 0;
        this.contentType = String(response.headers['content-type'] ?? '');
        response.setEncoding('utf8');
        let buffer = '';
        response.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const lines = buffer.slice(0, end).split('\n');
            buffer = buffer.slice(end + 2);
            if (!lines.includes('event: standings')) continue;
            const data = lines
              .filter((l) => l.startsWith('data: '))
              .map((l) => l.slice(6))
              .join('\n');
            this.events.push({ receivedAt: Date.now(), data: JSON.parse(data) });
            this.waiters.splice(0).forEach((wake) => wake());
          }
        });
        response.on('error', () => undefined);
        resolve();
      });
      this.request.on('error', (error) => (this.status === 0 ? reject(error) : undefined));
    });
  }

  /** The first event after `index` that passes `test`, or a failure after `timeoutMs`. */
  async next(index: number, test: (data: any) => boolean, timeoutMs: number): Promise<StandingsEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.slice(index).find((e) => test(e.data));
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`no matching standings within ${timeoutMs} ms; got ${JSON.stringify(this.events.map((e) => e.data.progress))}`);
      await new Promise<void>((wake) => {
        const timer = setTimeout(wake, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          wake();
        });
      });
    }
  }

  close(): void {
    this.request?.destroy();
  }
}

/**
 * The live board: standings on connect, and again within a second of a sheet submitted through
 * another API process on the same database (PostgreSQL LISTEN/NOTIFY), also after the listening
 * connection was cut.
 */
describe('live board over server-sent events, across two API processes', () => {
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
  let judges: [BuiltJudge, BuiltJudge];
  const streams: EventStream[] = [];

  const rubric = [
    { name: 'Innovation', weight: 50, maxScore: 10 },
    { name: 'Market', weight: 50, maxScore: 10 },
  ];
  const judgeCount = (data: any, entry: BuiltEntry) => data.entries.find((e: any) => e.entryId === entry.id)?.judgeCount;

  async function openStream(path: string, headers: Record<string, string> = {}): Promise<EventStream> {
    const stream = new EventStream();
    streams.push(stream);
    await stream.open(`${api1.url}${path}`, headers);
    return stream;
  }

  beforeAll(async () => {
    const url = await createDatabase();
    expect((await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: url })).code).toBe(0);
    // One secret for both, as instances behind a load balancer share it.
    const env = { JWT_SECRET: 'live-board-test-secret-0123456789abcdef' };
    [api1, api2] = await Promise.all([startApi(env, url), startApi(env, url)]);
    http1 = new Http(api1.url);
    http2 = new Http(api2.url);
    db = new Client({ connectionString: url });
    await db.connect();
    organizer = await http1.login('organizer@demo.laurel');
    fixture = new ResultsFixture(http1, organizer);
    contest = await fixture.contest({
      categories: ['Startups'],
      prizes: [{ tier: 'first', count: 1 }],
      rounds: [{ name: 'Chung khảo', order: 1, criteria: rubric }],
    });
    round = contest.rounds[0];
    entries = [
      await fixture.entry(contest, { title: 'Trạm sạc mặt trời', teamName: 'SunCharge', category: 'Startups' }),
      await fixture.entry(contest, { title: 'Bản đồ ngập lụt', teamName: 'FloodMap', category: 'Startups' }),
    ];
    for (const entry of entries) await fixture.eligibility(entry.id, true);
    await fixture.status(contest.id, 'closed');
    await fixture.status(contest.id, 'judging');
    judges = [await fixture.judge(contest.id, 'Giám khảo Live 1'), await fixture.judge(contest.id, 'Giám khảo Live 2')];
    await fixture.openRound(round.id);
  }, 120_000);

  afterAll(async () => {
    streams.forEach((s) => s.close());
    await db?.end();
    await Promise.all([api1?.stop(), api2?.stop()]);
  });

  it('refuses a stream without a valid ticket or token, and tickets to judges', async () => {
    expect((await openStream(`/api/rounds/${round.id}/live`)).status).toBe(401);
    const forged = await openStream(`/api/rounds/${round.id}/live?ticket=eyJyIjoiIn0.AAAA`);
    expect(forged.status).toBe(401);
    expect((await http1.post(`/api/rounds/${round.id}/live-ticket`, {}, judges[0].token)).status).toBe(403);
    const judgeStream = await openStream(`/api/rounds/${round.id}/live`, {
      authorization: `Bearer ${judges[0].token}`,
    });
    expect(judgeStream.status).toBe(403);
    // A ticket names its round: it opens no other.
    const other = await http1.post(`/api/rounds/${round.id}/live-ticket`, {}, organizer);
    expect(
      (await openStream(`/api/rounds/00000000-0000-4000-8000-000000000000/live?ticket=${encodeURIComponent(other.body.ticket)}`)).status,
    ).toBe(401);
  });

  it('sends the standings on connect and within a second of a sheet submitted through the other API process', async () => {
    const ticket = await http1.post(`/api/rounds/${round.id}/live-ticket`, {}, organizer);
    expect(ticket.status).toBe(200);
    expect(Date.parse(ticket.body.expiresAt)).toBeGreaterThan(Date.now());
    const stream = await openStream(ticket.body.url);
    expect(stream.status).toBe(200);
    expect(stream.contentType).toContain('text/event-stream');

    const first = await stream.next(0, () => true, 5000);
    expect(first.data).toMatchObject({
      roundId: round.id,
      roundName: 'Chung khảo',
      roundStatus: 'open',
      progress: { submittedSheets: 0, expectedSheets: 4 },
    });
    expect(first.data.entries.map((e: any) => e.judgeCount)).toEqual([0, 0]);

    const seen = stream.events.length;
    await fixture.score(judges[0], round, known(entries[0], 'entries[0]').id, { Innovation: 8, Market: 6 }, http2);
    const submittedAt = Date.now();
    const update = await stream.next(seen, (d) => judgeCount(d, known(entries[0], 'entries[0]')) === 1, 1000);
    expect(update.receivedAt - submittedAt).toBeLessThan(1000);
    expect(update.data.progress.submittedSheets).toBe(1);
    // 100 · (50 · 0.8 + 50 · 0.6) / 100 = 70.
    expect(update.data.entries[0]).toMatchObject({ entryId: known(entries[0], 'entries[0]').id, rank: 1, judgeCount: 1 });
    expect(update.data.entries[0].score).toBeCloseTo(70, 9);
  });

  it('keeps listening after its database connection is cut, and a bearer token also opens the stream', async () => {
    const stream = await openStream(`/api/rounds/${round.id}/live`, { authorization: `Bearer ${organizer}` });
    expect(stream.status).toBe(200);
    await stream.next(0, () => true, 5000);

    const cut = await db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'laurel-api-listen' AND datname = current_database()`,
    );
    expect(cut.rowCount).toBeGreaterThanOrEqual(1);
    // The listener reconnects (250 ms, then longer); allow it a moment before submitting.
    await new Promise((wait) => setTimeout(wait, 1500));

    const seen = stream.events.length;
    await fixture.score(judges[1], round, known(entries[1], 'entries[1]').id, { Innovation: 5, Market: 5 }, http2);
    const submittedAt = Date.now();
    const update = await stream.next(seen, (d) => judgeCount(d, known(entries[1], 'entries[1]')) === 1, 1000);
    expect(update.receivedAt - submittedAt).toBeLessThan(1000);
    expect(update.data.progress.submittedSheets).toBe(2);
  });
});
