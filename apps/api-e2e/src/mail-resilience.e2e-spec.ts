import { Client } from 'pg';
import { known } from '@laurel/domain';
import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';
import { type BuiltContest, ResultsFixture } from './support/results-fixtures';
import { registerVerifiedFromSink } from './support/mailbox';
import { SmtpSink } from './support/smtp-sink';

const PUBLIC_URL = 'http://laurel.test';
const HOUR = 3_600_000;

/**
 * The outbox's promises under trouble, with a real SMTP server and two API processes on one
 * database working one queue: an SMTP outage of 30 s with 50 messages waiting, an API restart
 * while messages wait, and a reminder either process could send. Each message arrives once.
 */
describe('mail survives an SMTP outage, a restart and a second instance', () => {
  const smtp = new SmtpSink(PUBLIC_URL);
  let databaseUrl: string;
  let apis: ApiProcess[] = [];
  let https: Http[] = [];
  let db: Client;
  let organizer: string;
  let fixture: ResultsFixture;
  let contest: BuiltContest;
  // One secret for every process: a token of one is good on the other, as behind a load balancer.
  const env = () => ({
    JWT_SECRET: 'mail-resilience-secret-0123456789-abcdefghij',
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Laurel <no-reply@laurel.test>',
    PUBLIC_URL,
    MAIL_RETRY_DELAY_SECONDS: '1',
  });

  /** Invites `count` judges to the contest, alternating between the API processes; answers their addresses. */
  async function invite(prefix: string, count: number): Promise<string[]> {
    const addresses: string[] = [];
    for (let i = 0; i < count; i++) {
      const email = `${prefix}-${i}@jury.example.org`;
      const answer = await known(https[i % https.length], 'https[i % https.length]').post(
        `/api/contests/${contest.id}/judges`,
        { email, displayName: `Judge ${prefix} ${i}` },
        organizer,
      );
      expect(answer.status).toBe(202);
      addresses.push(email);
    }
    return addresses;
  }

  /** Every address got exactly one message, and nothing else arrived for them. */
  async function expectEachOnce(addresses: string[], timeoutMs: number): Promise<void> {
    const wanted = new Set(addresses);
    await smtp.waitFor((m) => wanted.has(m.to), addresses.length, timeoutMs);
    // A late duplicate would show within a few polling rounds.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const received = smtp.mails.filter((m) => wanted.has(m.to));
    expect(received).toHaveLength(addresses.length);
    expect(new Set(received.map((m) => m.to)).size).toBe(addresses.length);
    expect(new Set(received.map((m) => m.messageId)).size).toBe(addresses.length);
    const rows = await db.query(`SELECT status, count(*)::int AS n FROM mail_outbox WHERE to_address = ANY($1) GROUP BY status`, [
      addresses,
    ]);
    expect(rows.rows).toEqual([{ status: 'sent', n: addresses.length }]);
  }

  /** The contest's people act through the first process (rebuilt after a restart). */
  const newFixture = () =>
    new ResultsFixture(
      known(https[0], 'https[0]'),
      organizer,
      async (email) => {
        const [mail] = await smtp.waitFor((m) => m.to === email && m.link?.includes('/invitations/accept') === true);
        const token = decodeURIComponent(/#token=([^\s&]+)/.exec(mail.link ?? '')?.[1] ?? '');
        const accepted = await known(https[0], 'https[0]').post('/api/invitations/accept', { token, password: 'judge-password-1' });
        if (accepted.status !== 200) throw new Error(`accept ${email}: ${accepted.status} ${JSON.stringify(accepted.body)}`);
        return accepted.body;
      },
      registerVerifiedFromSink(known(https[0], 'https[0]'), smtp),
    );

  beforeAll(async () => {
    await smtp.start();
    databaseUrl = await createDatabase();
    expect((await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: databaseUrl })).code).toBe(0);
    apis = [await startApi(env(), databaseUrl)];
    apis.push(await startApi(env(), databaseUrl));
    https = apis.map((api) => new Http(api.url));
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    organizer = await known(https[0], 'https[0]').login('organizer@demo.laurel');
    fixture = newFixture();
    contest = await fixture.contest({
      name: 'Thử thách hộp thư',
      categories: ['Chung'],
      prizes: [{ tier: 'first', count: 1 }],
      rounds: [{ name: 'Sơ khảo', order: 1, criteria: [{ name: 'Overall', weight: 1, maxScore: 10 }] }],
    });
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await Promise.all(apis.map((api) => api.stop()));
    await smtp.stop();
  });

  it('delivers 50 messages that waited through a 30 s SMTP outage, each once, from two processes', async () => {
    await smtp.stop();
    const addresses = await invite('outage', 50);
    // While the server refuses connections, attempts fail and are retried with backoff.
    await new Promise((resolve) => setTimeout(resolve, 30_000));
    const during = await db.query(
      `SELECT count(*)::int AS n, max(attempts)::int AS tries FROM mail_outbox WHERE to_address = ANY($1) AND status = 'queued'`,
      [addresses],
    );
    expect(during.rows[0].n).toBe(50);
    expect(during.rows[0].tries).toBeGreaterThan(1);
    expect(smtp.mails.filter((m) => m.to.startsWith('outage-'))).toHaveLength(0);

    await smtp.start();
    await expectEachOnce(addresses, 90_000);
    // Both processes worked the one queue: each logged failed attempts during the outage.
    for (const api of apis) expect(api.output()).toMatch(/Mail [0-9a-f-]{36} attempt \d+ of \d+ failed/);
  }, 180_000);

  it('delivers each message once when two processes work the queue', async () => {
    const addresses = await invite('pair', 40);
    await expectEachOnce(addresses, 60_000);
  }, 120_000);

  it('loses nothing when an API process restarts while messages wait', async () => {
    await smtp.stop();
    const addresses = await invite('restart', 20);
    // Both processes stop (their jobs in hand are failed back to the queue) and one comes back.
    await Promise.all(apis.map((api) => api.stop()));
    apis = [await startApi(env(), databaseUrl)];
    https = [new Http(known(apis[0], 'apis[0]').url)];
    await smtp.start();
    await expectEachOnce(addresses, 90_000);
    apis.push(await startApi(env(), databaseUrl));
    https.push(new Http(known(apis[1], 'apis[1]').url));
    fixture = newFixture();
  }, 180_000);

  it('sends a reminder once although both processes could', async () => {
    // A round opens with an eligible entry to cover.
    const entry = await fixture.entry(contest, { title: 'Dự án nhắc hạn', teamName: 'Nhắc Hạn', category: 'Chung' });
    await fixture.eligibility(entry.id, true);
    await fixture.status(contest.id, 'closed');
    await fixture.status(contest.id, 'judging');
    const judges = [await fixture.judge(contest.id, 'Giám khảo Nhắc Một'), await fixture.judge(contest.id, 'Giám khảo Nhắc Hai')];
    const [round] = contest.rounds;
    expect((await known(https[1], 'https[1]').post(`/api/rounds/${round.id}/open`, {}, organizer)).status).toBe(200);
    // The panel also holds the 110 invited addresses above, none accepted: only the two judges are assigned.
    expect((await known(https[0], 'https[0]').post(`/api/rounds/${round.id}/assignments/auto`, {}, organizer)).status).toBeLessThan(300);
    const due = new Date(Date.now() + 2 * HOUR).toISOString();
    expect(
      (
        await known(https[1], 'https[1]').request('PATCH', `/api/rounds/${round.id}`, {
          body: { scoresDueAt: due, reminderHoursBefore: 24 },
          token: organizer,
        })
      ).status,
    ).toBe(200);

    for (const judge of judges) await smtp.waitFor((m) => m.to === judge.email && m.subject.startsWith('Nhắc nhở'), 1, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    for (const judge of judges) expect(smtp.to(judge.email).filter((m) => m.subject.startsWith('Nhắc nhở'))).toHaveLength(1);
    const jobs = await db.query(
      `SELECT state, count(*)::int AS n FROM pgboss.job WHERE name = 'round-reminder' AND data->>'roundId' = $1 GROUP BY state`,
      [round.id],
    );
    expect(jobs.rows).toEqual([{ state: 'completed', n: 1 }]);
  }, 180_000);
});
