import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';
import { Http } from './support/http';

/** Route parameters that are not ids: a token, a slug, or either an id or a slug. */
const NOT_IDS = new Set(['token', 'slug', 'idOrSlug']);

/**
 * A route id that is not a UUID names nothing: every route answers it with the same 404 and error
 * body as an id that is not there (api-core's UuidPipe), never a 400 or a database error. The
 * routes come from the API's own route table, so a new route is covered the moment it exists.
 */
describe('a malformed id in the path', () => {
  let api: ApiProcess;
  let http: Http;
  let routes: { method: string; path: string }[];

  beforeAll(async () => {
    const databaseUrl = await createDatabase();
    const seeded = await runNode('dist/apps/api/cli.js', ['seed-demo'], { DATABASE_URL: databaseUrl });
    if (seeded.code !== 0) throw new Error(`seed failed: ${seeded.output}`);
    api = await startApi({}, databaseUrl);
    http = new Http(api.url);
    const listed = await runNode('dist/apps/api/main.js', [], {
      DATABASE_URL: databaseUrl,
      LAUREL_PRINT_ROUTES: '1',
      LOG_LEVEL: 'silent',
      LAUREL_DATA_DIR: mkdtempSync(join(tmpdir(), 'laurel-ids-')),
      NODE_ENV: 'test',
    });
    routes = JSON.parse(/LAUREL_ROUTES (.*)/.exec(listed.output)?.[1] ?? '[]');
  }, 120_000);
  afterAll(() => api?.stop());

  it('is the 404 of an unknown resource on every route that reads one (as an administrator)', async () => {
    const token = await http.login('admin@demo.laurel');
    // Reads and deletions: a write's body is checked beside its id, so its 400 could come first.
    const checked = routes.filter(
      (r) => ['GET', 'DELETE'].includes(r.method) && [...r.path.matchAll(/:(\w+)/g)].some((m) => !NOT_IDS.has(m[1] ?? '')),
    );
    expect(checked.length).toBeGreaterThan(20);
    const wrong: string[] = [];
    for (const route of checked) {
      const path = route.path.replace(/:(\w+)/g, (_, name: string) => (NOT_IDS.has(name) ? 'x' : 'not-a-uuid'));
      const answer = await http.request(route.method, path, { token });
      const body = answer.body as { statusCode?: number; code?: string; message?: string } | undefined;
      const named = body?.code?.endsWith('not_found') || body?.code?.endsWith('not_available');
      if (answer.status !== 404 || body?.statusCode !== 404 || !named) {
        wrong.push(`${route.method} ${path}: ${answer.status} ${JSON.stringify(body).slice(0, 160)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
