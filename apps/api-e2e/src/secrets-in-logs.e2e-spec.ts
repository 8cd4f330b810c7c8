import { randomBytes } from 'node:crypto';
import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';

/**
 * Everything secret a run uses (passwords, session tokens, live tickets, tokens in query strings)
 * is looked for in the API's whole log of that run, at info level where every request is
 * logged with its URL: none may appear.
 */
describe('secrets never reach the log', () => {
  let api: ApiProcess;
  let http: Http;
  const secrets: string[] = [];

  beforeAll(async () => {
    const databaseUrl = await createDatabase();
    await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: databaseUrl });
    api = await startApi({ LOG_LEVEL: 'info' }, databaseUrl);
    http = new Http(api.url);
  });
  afterAll(() => api?.stop());

  it('keeps passwords, tokens and tickets of a whole session out of the log', async () => {
    const password = `pw-${randomBytes(8).toString('hex')}`;
    secrets.push(password, 'laurel-demo');
    const email = `logged-${randomBytes(4).toString('hex')}@example.vn`;
    expect([202]).toContain((await http.post('/api/auth/register', { email, password, displayName: 'Logged' })).status);
    const applicant = await http.login(email, password);
    secrets.push(applicant);
    expect((await http.post('/api/auth/login', { email, password: `${password}-wrong` })).status).toBe(401);
    secrets.push(`${password}-wrong`);

    const organizer = await http.login('organizer@demo.laurel');
    secrets.push(organizer);
    expect((await http.get('/api/auth/me', organizer)).status).toBe(200);
    // A token pasted into a query string, as a careless client might: logged blank.
    expect((await http.get(`/api/contests?token=${encodeURIComponent(organizer)}&accessToken=${applicant}`)).status).toBe(200);

    const contest = (await http.get('/api/contests/startup-talent-2026')).body;
    const round = contest.rounds[0];
    const issued = await http.post(`/api/rounds/${round.id}/live-ticket`, {}, organizer);
    expect(issued.status).toBe(200);
    secrets.push(issued.body.ticket);
    const controller = new AbortController();
    const stream = await fetch(`${api.url}${issued.body.url}`, { signal: controller.signal, headers: { accept: 'text/event-stream' } });
    expect(stream.status).toBe(200);
    const reader = stream.body?.getReader();
    await reader?.read();
    controller.abort();
    const forged = `${issued.body.ticket.split('.')[0]}.forged`;
    secrets.push(forged);
    expect((await fetch(`${api.url}/api/rounds/${round.id}/live?ticket=${encodeURIComponent(forged)}`)).status).toBe(401);

    // Let the last request lines reach the log.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const log = api.output();
    expect(log).toContain(`/api/rounds/${round.id}/live?ticket=[redacted]`);
    expect(log).toContain('/api/contests?token=[redacted]&accessToken=[redacted]');
    for (const secret of secrets) {
      expect({ secret, found: log.includes(secret) || log.includes(encodeURIComponent(secret)) }).toEqual({ secret, found: false });
    }
  });
});
