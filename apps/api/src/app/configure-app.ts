import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LaurelValidationPipe, laurelConfig, type LaurelConfig, securityHeaders } from '@laurel/api-core';
import { IdempotencyGuard } from '@laurel/api-idempotency';
import { LaurelFastifyAdapter } from './laurel-fastify-adapter';
import { openApiDocument } from './openapi';

/** Everything about the HTTP surface that is not a route: prefix, pipes, headers, docs, console. */
export async function configureApp(app: NestFastifyApplication, consoleDir: string | null): Promise<void> {
  app.setGlobalPrefix('api');
  // class-validator's decorators check every body and query (Laurel's options); a DTO of a hot
  // route may let a body it accepts as is skip them (`LeanChecked`, the judge's autosave).
  app.useGlobalPipes(new LaurelValidationPipe());

  // Helmet's headers on every answer (api-core's security-headers.ts: one middleware, built once).
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      securityHeaders(request.raw, reply.raw, (error?: unknown) => (error instanceof Error ? done(error) : done()));
    });
  // A POST that claimed its Idempotency-Key (IdempotencyGuard) has its answer kept before it is sent.
  app.getHttpAdapter().getInstance().addHook('onSend', app.get(IdempotencyGuard).keepAnswer);

  // Uploads are read as streams by the routes that take them (request.parts()); the limits here
  // are the ceiling, each route passes its own. Files are never buffered by the plugin.
  const { storage } = app.get<LaurelConfig>(laurelConfig.KEY);
  await app.register(fastifyMultipart, {
    limits: { fileSize: storage.uploadMaxBytes, files: 1, fields: 5, fieldSize: 2000, parts: 6, headerPairs: 100 },
  });

  // In production the API's map is not handed to every visitor unless API_DOCS=true asks for it.
  if (app.get<LaurelConfig>(laurelConfig.KEY).http.apiDocs) {
    // Written beside the bundle by tools/scripts/build-api.mjs from the @laurel/contracts types.
    const contractSchemas = JSON.parse(readFileSync(join(__dirname, 'contract-schemas.json'), 'utf8'));
    const document = openApiDocument(app, contractSchemas);
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  }

  // The API reads JSON bodies (and multipart uploads): a text/plain body is refused like any other
  // type it does not read (415 request.unsupported_media_type), not parsed into a string that a
  // route's checks then take apart field by field.
  app.getHttpAdapter().getInstance().removeContentTypeParser('text/plain');

  if (consoleDir && existsSync(join(consoleDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: consoleDir, prefix: '/', wildcard: false, index: ['index.html'] });
    // Deep links of the single-page console fall back to its index, in the not-found handler
    // (LaurelFastifyAdapter); unknown /api paths stay 404, or 405 where the path takes other methods.
    (app.getHttpAdapter() as LaurelFastifyAdapter).servesConsolePages = true;
  }
}
