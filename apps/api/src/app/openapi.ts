import type { INestApplication } from '@nestjs/common';
import {
  DocumentBuilder,
  type OpenAPIObject,
  type ParameterObject,
  type ResponseObject,
  type SchemaObject,
  SwaggerModule,
} from '@nestjs/swagger';
import { ERROR_ANSWERS, type ErrorStatus } from '@laurel/api-core';
import { routeTable } from './route-table';

const TAGS: Record<string, string> = {
  auth: 'Accounts, sign-in, sessions and passwords',
  invitations: 'Judge and staff invitations, accepted by the mailbox holder',
  admin: 'Platform administration: users and the mail outbox',
  contests: 'Contests, their categories, prizes, form and rules',
  rounds: 'Rounds and their rubric',
  entries: 'Entries, their answers and attachments, screening and import',
  judging: 'Panel, conflicts, assignments and score sheets',
  results: 'Results and advancement',
  awards: 'Award proposal, confirmation and publication; the published results',
  council: 'The council’s approval of the confirmed awards',
  feedback: 'Feedback to the teams after publication',
  live: 'The live board of a round: its standings as server-sent events',
  'public vote': 'The public vote: the ballot, a vote confirmed by mail, and the organizers’ counts',
  pitch: 'Pitch day: run sheet and stage',
  export: 'The results workbook and printable sheets',
  documents: 'Minutes, score sheets for signing and certificates',
  audit: 'The audit trail and its verification',
  health: 'Liveness and database reachability',
};

/** `/api/contests/{id}` and `/api/contests/{idOrSlug}` are one path to a client: compare without names. */
const shape = (path: string) => path.replace(/\{[^}]+\}/g, '{}');

/**
 * The API's OpenAPI document: Nest's reading of the controllers and DTOs (requests), the schemas
 * generated from `@laurel/contracts` (answers, see tools/scripts/contract-schemas.mjs), and the
 * refusals each route's metadata implies. `apps/api-e2e/src/openapi.e2e-spec.ts` lints it with
 * Spectral and refuses a route that does not document its answer.
 */
export function openApiDocument(app: INestApplication, contractSchemas: Record<string, SchemaObject>): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Laurel API')
    .setDescription(
      [
        'Startup competition judging: contests, entries, judging, results.',
        '**Signing in.** `POST /api/auth/login` answers a token: send it as `Authorization: Bearer <token>`. ' +
          'Operations without a security requirement are public. Each operation says who may call it; another ' +
          'person’s resource answers 404, exactly like one that does not exist.',
        '**Refusals.** Every refusal has the body `ApiError`: `statusCode`, `error`, a `message` a person can act on ' +
          '(English), a stable `code` to tell refusals apart (`sheet.stale_version`), `params` with the values the ' +
          'message names, and `fields` for problems of the input. A client words its own messages from `code` and `params`.',
        '**Before any operation.** The HTTP layer refuses in the same shape: 400 `request.bad_url` (a broken %-encoding), ' +
          '404 `request.unknown_route` (no operation at this path), 405 `request.method_not_allowed` (the path takes other ' +
          'methods: its `Allow` header lists them), 413 `request.too_large` (a body over 1 MB), 415 ' +
          '`request.unsupported_media_type` (send JSON), 400 `request.unreadable_body` (empty or broken JSON) and 400 ' +
          '`request.not_json_object` (JSON that is not an object).',
        '**Versions.** What several people edit (contests, entries, score sheets, the run sheet and stage) carries a ' +
          '`version`: send the one you read. A stale one is refused with 409 and changes nothing: reload, then retry.',
        '**Retries.** A POST may carry an `Idempotency-Key` header (1 to 200 visible ASCII characters, e.g. a UUID): ' +
          'a repeat with the same key and body gets the first answer again without doing it twice (409 ' +
          '`idempotency.in_progress` while the first still runs, 422 `idempotency.key_reused` with another body).',
        '**Streams.** EventSource cannot send headers: the live board and the stage give a ticket valid 60 s for ' +
          'their event stream’s URL.',
      ].join('\n\n'),
    )
    .setVersion('1')
    .addServer('/', 'The server that serves this document')
    .addBearerAuth();
  for (const [name, description] of Object.entries(TAGS)) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build(), { operationIdFactory: operationId });
  document.components = { ...document.components, schemas: { ...contractSchemas, ...document.components?.schemas } };

  for (const route of routeTable(app)) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const operation = document.paths[path]?.[route.method.toLowerCase() as 'get'];
    if (!operation) continue;
    const parameters = (operation.parameters ?? []) as ParameterObject[];
    const implied: ErrorStatus[] = [];
    if (operation.requestBody || parameters.some((p) => p.in === 'query')) implied.push(400);
    if (!route.public) implied.push(401);
    if (route.roles.length > 0) implied.push(403);
    if (path.includes('{')) implied.push(404);
    // A POST may carry an Idempotency-Key: 409 while its first request runs, 422 with another body.
    if (route.method === 'POST') implied.push(409, 422);
    // Every route reads the database (a signed-in one at least checks the session's version).
    implied.push(503);
    for (const status of implied) {
      operation.responses[status] ??= {
        description: ERROR_ANSWERS[status],
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
      } satisfies ResponseObject;
    }
    // Nest adds a bare default answer (201 for a POST) beside the documented one; keep the true one.
    if (route.answer) {
      for (const status of Object.keys(operation.responses)) {
        if (/^2\d\d$/.test(status) && Number(status) !== route.answer.status && !(operation.responses[status] as ResponseObject).content) {
          delete operation.responses[status];
        }
      }
    }
  }
  mergeEquivalentPaths(document);
  pruneUnusedSchemas(document, new Set(Object.keys(contractSchemas)));
  return document;
}

/**
 * `JudgeController.save` → `judgeSave`: the name a generated client gives the call (Nest's default,
 * `JudgeController_save`, reads as a class dump). Spectral refuses two operations with one id.
 */
function operationId(controllerKey: string, methodKey: string): string {
  const area = controllerKey.replace(/Controller$/, '');
  return `${area.charAt(0).toLowerCase()}${area.slice(1)}${methodKey.charAt(0).toUpperCase()}${methodKey.slice(1)}`;
}

/** Contract types no answer uses (the request shapes, which the DTOs describe) are left out. */
function pruneUnusedSchemas(document: OpenAPIObject, candidates: Set<string>): void {
  const schemas = document.components?.schemas ?? {};
  const used = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === '$ref' && typeof inner === 'string') {
          const name = inner.replace('#/components/schemas/', '');
          if (!used.has(name)) {
            used.add(name);
            visit(schemas[name]);
          }
        } else visit(inner);
      }
    }
  };
  visit(document.paths);
  for (const [name, schema] of Object.entries(schemas)) if (!candidates.has(name)) visit(schema);
  for (const name of candidates) if (!used.has(name)) delete schemas[name];
}

/**
 * Two templates that differ only in their parameters' names (`/contests/{idOrSlug}` for GET,
 * `/contests/{id}` for PATCH) are one path in OpenAPI. They are merged under the name most paths
 * use, the parameter keeping its description; the requests clients send do not change.
 */
function mergeEquivalentPaths(document: OpenAPIObject): void {
  const byShape = new Map<string, string[]>();
  for (const path of Object.keys(document.paths)) byShape.set(shape(path), [...(byShape.get(shape(path)) ?? []), path]);
  for (const paths of byShape.values()) {
    if (paths.length < 2) continue;
    const names = (path: string) => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
    // The name the other paths of the API use wins (`id`), then the shorter one.
    const usage = (path: string) => Object.keys(document.paths).filter((p) => names(p).some((n) => names(path).includes(n))).length;
    const [target, ...others] = [...paths].sort((a, b) => usage(b) - usage(a) || a.length - b.length) as [string, ...string[]];
    const targetNames = names(target);
    for (const other of others) {
      const renames = new Map(names(other).map((name, i) => [name, targetNames[i] as string]));
      for (const [method, operation] of Object.entries(document.paths[other] ?? {})) {
        if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
        for (const parameter of (operation.parameters ?? []) as ParameterObject[]) {
          if (parameter.in === 'path') parameter.name = renames.get(parameter.name) ?? parameter.name;
        }
        (document.paths[target] as Record<string, unknown>)[method] = operation;
      }
      delete document.paths[other];
    }
  }
}
