import { createDatabase, startApi, type ApiProcess } from './support/api-process';

/** The OpenAPI document is a map of the API: in production only when API_DOCS=true asks for it. */
describe('/api/docs in production', () => {
  const started: ApiProcess[] = [];
  afterAll(() => Promise.all(started.map((api) => api.stop())));

  async function production(extra: Record<string, string>): Promise<ApiProcess> {
    // Production also needs its mail settings; this test sends no mail.
    const mail = { SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'Laurel <no-reply@laurel.test>', PUBLIC_URL: 'https://laurel.test' };
    const api = await startApi(
      { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-characters', ...mail, ...extra },
      await createDatabase(),
    );
    started.push(api);
    return api;
  }

  it('is not served in production by default, and is with API_DOCS=true', async () => {
    const hidden = await production({});
    expect((await fetch(`${hidden.url}/api/docs`)).status).toBe(404);
    expect((await fetch(`${hidden.url}/api/docs-json`)).status).toBe(404);
    expect((await fetch(`${hidden.url}/api/health`)).status).toBe(200);

    const shown = await production({ API_DOCS: 'true' });
    const json = await fetch(`${shown.url}/api/docs-json`);
    expect(json.status).toBe(200);
    expect((await json.json()).info.title).toBe('Laurel API');
  });
});
