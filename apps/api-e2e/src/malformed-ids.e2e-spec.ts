import { mkdtempSync, writeFileSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';
import { Http, type HttpResult } from './support/http';
import { API_ERROR_CODES } from '@laurel/contracts';

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

/**
 * What the HTTP layer refuses before any route runs (fastify's router and body parser, a method or
 * path no route serves) comes in the same ApiError shape as every other refusal: its status, a
 * sentence, and a code the console words in the user's language. Before, a broken %-encoding was
 * fastify's own `{"code":"FST_ERR_BAD_URL",…}` without a charset, and the others had no code.
 */
describe.each([
  { served: 'the API alone', withConsole: false },
  { served: 'the API beside the console', withConsole: true },
])('a request refused before any route, $served', ({ withConsole }) => {
  let api: ApiProcess;
  let http: Http;

  beforeAll(async () => {
    // The console's deep-link fallback answers unknown GET addresses itself: both ways are checked.
    const consoleDir = mkdtempSync(join(tmpdir(), 'laurel-console-'));
    if (withConsole) writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><title>Laurel</title>');
    api = await startApi({ CONSOLE_DIR: consoleDir }, await createDatabase());
    http = new Http(api.url);
  }, 120_000);
  afterAll(() => api?.stop());

  interface Refused {
    what: string;
    method: string;
    path: string;
    raw?: string;
    type?: string;
    status: number;
    code: string;
    /** The `Allow` header a 405 carries: the methods the path takes. */
    allow?: string;
  }
  const cases: Refused[] = [
    { what: 'a broken %-encoding', method: 'GET', path: '/api/contests/%E0%A4%A', status: 400, code: 'request.bad_url' },
    { what: 'a broken %-encoding in a write', method: 'POST', path: '/api/entries/%zz', raw: '{}', status: 400, code: 'request.bad_url' },
    {
      what: 'a path parameter longer than any id',
      method: 'GET',
      path: `/api/entries/${'a'.repeat(101)}`,
      status: 404,
      code: 'request.unknown_route',
    },
    {
      what: 'a body over the 1 MB limit',
      method: 'POST',
      path: '/api/auth/login',
      raw: JSON.stringify({ email: 'x'.repeat(2 * 1024 * 1024) }),
      status: 413,
      code: 'request.too_large',
    },
    {
      what: 'a media type the API does not read',
      method: 'POST',
      path: '/api/auth/login',
      raw: '<login/>',
      type: 'application/xml',
      status: 415,
      code: 'request.unsupported_media_type',
    },
    { what: 'broken JSON', method: 'POST', path: '/api/auth/login', raw: '{"email":', status: 400, code: 'request.unreadable_body' },
    { what: 'an empty JSON body', method: 'POST', path: '/api/auth/login', raw: '', status: 400, code: 'request.unreadable_body' },
    { what: 'an unknown route', method: 'GET', path: '/api/nowhere', status: 404, code: 'request.unknown_route' },
    { what: 'an unknown route below one', method: 'GET', path: '/api/contests/x/nowhere', status: 404, code: 'request.unknown_route' },
    { what: 'an unknown route written to', method: 'POST', path: '/api/nowhere', raw: '{}', status: 404, code: 'request.unknown_route' },
    {
      what: 'a method the path does not take',
      method: 'DELETE',
      path: '/api/contests',
      status: 405,
      code: 'request.method_not_allowed',
      allow: 'GET, HEAD, POST',
    },
    {
      what: 'a read of a path that is only written to',
      method: 'GET',
      path: '/api/auth/login?next=%2F',
      status: 405,
      code: 'request.method_not_allowed',
      allow: 'POST',
    },
    // Beside the console, every page outside /api is the console's (its index.html, for GET and HEAD).
    withConsole
      ? {
          what: 'a write to a console page',
          method: 'POST',
          path: '/contests/x',
          raw: '{}',
          status: 405,
          code: 'request.method_not_allowed',
          allow: 'GET, HEAD',
        }
      : { what: 'a page without the console', method: 'GET', path: '/contests/x', status: 404, code: 'request.unknown_route' },
  ];

  it.each(cases)('answers $what with $status $code in ApiError’s shape', async ({ method, path, raw, type, status, code, allow }) => {
    const answer = await http.request(method, path, { raw, headers: type ? { 'content-type': type } : {} });
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(answer.body).toEqual({
      statusCode: status,
      error: STATUS_CODES[status],
      message: expect.any(String),
      code,
      ...(allow ? { params: { method, allowed: allow } } : {}),
    });
    expect(answer.headers.get('allow')).toBe(allow ?? null);
    expect(API_ERROR_CODES).toContain(code);
  });

  it('sends every refusal above with the security headers of any other answer', async () => {
    // A route's own 404, through every hook: the headers every answer should carry.
    const normal = await http.request('GET', '/api/contests/no-such-contest');
    expect(normal.status).toBe(404);
    expect(normal.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const shared = (answer: HttpResult) => {
      const headers: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        if (!PER_ANSWER_HEADERS.has(name)) headers[name] = value;
      });
      return headers;
    };
    for (const { what, method, path, raw, type } of cases) {
      const answer = await http.request(method, path, { raw, headers: type ? { 'content-type': type } : {} });
      expect({ what, headers: shared(answer) }).toEqual({ what, headers: shared(normal) });
    }
  });

  it(withConsole ? 'serves a console page its index.html' : 'has no console pages', async () => {
    const page = await http.request('GET', '/contests/x/results');
    expect(page.status).toBe(withConsole ? 200 : 404);
    if (withConsole) {
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.body).toContain('<title>Laurel</title>');
    }
  });
});

/** Headers that differ from one answer to the next by design: its time, size, connection and the methods a 405 names. */
const PER_ANSWER_HEADERS = new Set(['date', 'content-length', 'connection', 'keep-alive', 'allow']);
