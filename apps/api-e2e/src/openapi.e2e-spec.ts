import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { API_ERROR_CODES } from '@laurel/contracts';
import { createDatabase, runNode, startApi, type ApiProcess } from './support/api-process';

const root = resolve(__dirname, '../../..');

interface Operation {
  summary?: string;
  description?: string;
  operationId?: string;
  tags?: string[];
  responses: Record<string, { description: string; content?: Record<string, { schema?: Record<string, unknown> }> }>;
}
interface Document {
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}
interface SpectralResult {
  code: string;
  message: string;
  path: string[];
  severity: number;
}
/** A line of the API's own route table (apps/api/src/app/route-table.ts). */
interface Route {
  method: string;
  path: string;
  public: boolean;
  roles: string[];
  status: number;
  answer?: { status: number; body: unknown; errors: number[] };
}

/** `/api/contests/:idOrSlug` and `/api/contests/{id}` are one path: compare without the names. */
const shape = (path: string) => path.replace(/:\w+/g, '{}').replace(/\{[^}]+\}/g, '{}');

/**
 * The OpenAPI document the built API serves is a client's only map: every route documents its
 * answer (from the @laurel/contracts types) and its refusals, and Spectral's `spectral:oas`
 * ruleset (.spectral.yaml) finds no error in it. A route added without `@ApiAnswer` fails here.
 */
describe('the OpenAPI document', () => {
  let api: ApiProcess;
  let document: Document;
  let routes: Route[];

  beforeAll(async () => {
    const databaseUrl = await createDatabase();
    api = await startApi({}, databaseUrl);
    document = (await (await fetch(`${api.url}/api/docs-json`)).json()) as Document;
    const listed = await runNode('dist/apps/api/main.js', [], {
      DATABASE_URL: databaseUrl,
      LAUREL_PRINT_ROUTES: '1',
      LOG_LEVEL: 'silent',
      LAUREL_DATA_DIR: mkdtempSync(join(tmpdir(), 'laurel-openapi-')),
      NODE_ENV: 'test',
    });
    routes = JSON.parse(/LAUREL_ROUTES (.*)/.exec(listed.output)?.[1] ?? '[]');
  }, 120_000);
  afterAll(() => api?.stop());

  function operationOf(route: Route): Operation | undefined {
    const path = Object.keys(document.paths).find((p) => shape(p) === shape(route.path));
    return path ? document.paths[path]?.[route.method.toLowerCase()] : undefined;
  }

  it('boots without a warning from Node or fastify', () => {
    // FSTWRN004 was printed while configure-app.ts set a second fastify error handler.
    expect(
      api
        .output()
        .split('\n')
        .filter((line) => /Warning|FSTWRN|FSTDEP/.test(line)),
    ).toEqual([]);
  });

  it('has no Spectral error or warning under spectral:oas', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'laurel-openapi-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const spectral = join(root, 'node_modules/.bin/spectral');
    // Exit code 1 means "found something at or above the fail severity": the JSON says what.
    const run = await promisify(execFile)(
      spectral,
      ['lint', file, '--ruleset', join(root, '.spectral.yaml'), '--format', 'json', '--quiet'],
      {
        cwd: root,
        maxBuffer: 64 * 1024 * 1024,
      },
    ).catch((error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '' }));
    const results = JSON.parse(run.stdout || '[]') as SpectralResult[];
    // Severity 0 is an error, 1 a warning (a missing description, an undeclared tag): both fail, so
    // neither creeps back. 2 and 3 are information and hints.
    const problems = results.filter((r) => r.severity <= 1).map((r) => `${r.code} at ${r.path.join('.')}: ${r.message}`);
    expect({ problems, stderr: run.stderr.trim() }).toEqual({ problems: [], stderr: '' });
  });

  it('documents every route the API serves, with its true success status and body', () => {
    expect(routes.length).toBeGreaterThan(50);
    const problems: string[] = [];
    for (const route of routes) {
      const name = `${route.method} ${route.path}`;
      const operation = operationOf(route);
      if (!operation) problems.push(`${name}: not in the document`);
      else if (!route.answer) problems.push(`${name}: no @ApiAnswer (its 2xx body and refusals)`);
      else if (route.answer.status !== route.status) problems.push(`${name}: documents ${route.answer.status} but answers ${route.status}`);
      else {
        const success = Object.keys(operation.responses).filter((s) => s.startsWith('2'));
        if (success.join() !== String(route.status))
          problems.push(`${name}: success answers ${success.join(', ')} instead of ${route.status}`);
        if (route.answer.body !== null && !operation.responses[route.status]?.content) problems.push(`${name}: no body schema`);
        if (!operation.summary) problems.push(`${name}: no summary`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('describes every operation, and documents each refusal its description names', () => {
    const problems: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const name = `${method.toUpperCase()} ${path}`;
        if ((operation.description ?? '').length < 80) problems.push(`${name}: no description a client can use`);
        // The method name a generated client gives the call: `judgeSave`, not `JudgeController_save`.
        if (!/^[a-z][A-Za-z]+$/.test(operation.operationId ?? '')) problems.push(`${name}: operationId ${operation.operationId}`);
        // "409 `sheet.stale_version`": a refusal the description promises is in the responses.
        for (const [, status, code] of (operation.description ?? '').matchAll(/\b([45]\d\d) `([^`]*)`/g)) {
          if (status && !operation.responses[status]) problems.push(`${name}: describes a ${status} it does not document`);
          // The code it names is one the API answers (`upload.*` names a family of them), so a
          // renamed or removed code cannot leave a description promising a refusal that is gone.
          if (code !== undefined && !knownCode(code)) problems.push(`${name}: names ${code}, which is not in API_ERROR_CODES`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('says what each success answer holds, in the route’s own words', () => {
    // Nest's and @ApiAnswer's old fallbacks, and what generators write when a route says nothing.
    const generic = /^(done|ok|success(ful)?( (response|operation))?|created|accepted|no content)\b/i;
    const problems: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          if (!status.startsWith('2')) continue;
          const said = response.description.trim();
          if (generic.test(said) || said.length < 30) problems.push(`${method.toUpperCase()} ${path} ${status}: "${said}"`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('groups operations under tags that each say what they hold', () => {
    const used = new Set(Object.values(document.paths).flatMap((operations) => Object.values(operations).flatMap((o) => o.tags ?? [])));
    // Spectral refuses an operation's tag that is not declared; a declared tag nobody uses is a stale heading.
    expect(document.tags.filter((tag) => !used.has(tag.name)).map((tag) => tag.name)).toEqual([]);
    expect(document.tags.filter((tag) => tag.description.length < 20).map((tag) => tag.name)).toEqual([]);
  });

  it('documents the refusals each route can give, with the one error body', () => {
    const problems: string[] = [];
    for (const route of routes) {
      const operation = operationOf(route);
      if (!operation) continue;
      const expected = [
        ...(route.public ? [] : ['401']),
        ...(route.roles.length > 0 ? ['403'] : []),
        ...(/:\w+/.test(route.path) ? ['404'] : []),
        ...(route.answer?.errors.map(String) ?? []),
      ];
      for (const status of expected) {
        if (!operation.responses[status]) problems.push(`${route.method} ${route.path}: no ${status}`);
      }
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!/^[45]/.test(status)) continue;
        if (response.content?.['application/json']?.schema?.['$ref'] !== '#/components/schemas/ApiError') {
          problems.push(`${route.method} ${route.path}: ${status} without the ApiError body`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('describes answers with the schemas generated from @laurel/contracts', () => {
    const contest = document.components.schemas['ContestView'] as { properties: Record<string, unknown>; required: string[] };
    expect(contest.required).toEqual(expect.arrayContaining(['id', 'slug', 'status', 'categories', 'rounds', 'prizes']));
    const list = document.paths['/api/contests']?.['get']?.responses['200']?.content?.['application/json']?.schema;
    expect(list).toEqual({ type: 'array', items: { $ref: '#/components/schemas/ContestView' } });
    // The two names of one path are one path; the slug still reaches the contest.
    expect(Object.keys(document.paths).filter((p) => p.startsWith('/api/contests/{') && !p.slice(15).includes('/'))).toEqual([
      '/api/contests/{id}',
    ]);
    expect(Object.keys(document.paths['/api/contests/{id}'] ?? {}).sort()).toEqual(['get', 'patch']);
  });
});

function knownCode(code: string): boolean {
  const family = code.endsWith('.*') ? code.slice(0, -1) : undefined;
  return family === undefined ? (API_ERROR_CODES as readonly string[]).includes(code) : API_ERROR_CODES.some((c) => c.startsWith(family));
}
