// First of all: libuv's thread pool gets its size before any module could queue work on it.
import './size-thread-pool';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { join } from 'node:path';
import { EnvironmentError, laurelConfig, type LaurelConfig, trustProxyOf, validateEnvironment } from '@laurel/api-core';
import { AppModule } from './app/app.module';
import { configureApp } from './app/configure-app';
import { LaurelFastifyAdapter } from './app/laurel-fastify-adapter';
import { laurelLogger, logRequests, nestLogger } from './app/request-log';
import { routeTable } from './app/route-table';

async function bootstrap(): Promise<void> {
  // The adapter exists before the configuration module, so TRUST_PROXY is read (and checked) here.
  const env = validateEnvironment(process.env);
  const trustProxy = trustProxyOf(env);
  // Where no route answers (an unknown path or method, a body Fastify refuses, a broken address),
  // Fastify's own hooks answer in ApiError's shape (LaurelFastifyAdapter).
  const adapter = new LaurelFastifyAdapter({ bodyLimit: 1024 * 1024, trustProxy });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, { bufferLogs: true, abortOnError: false });
  const config = app.get<LaurelConfig>(laurelConfig.KEY);
  const logger = laurelLogger(config.logLevel);
  const nest = nestLogger(logger);
  app.useLogger(nest);
  logRequests(app.getHttpAdapter().getInstance(), logger);
  await configureApp(app, config.http.consoleDir ?? join(__dirname, '..', 'console', 'browser'));
  // While shutting down, every response closes its connection: keep-alive sockets of requests
  // that were in flight at SIGTERM would otherwise hold the process open.
  let closing = false;
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', (_request, reply, payload, done) => {
      if (closing) void reply.header('connection', 'close');
      done(null, payload);
    });
  if (env.LAUREL_PRINT_ROUTES) {
    // For the authorization tests: the route table as the running code has it, then exit.
    await app.init();
    process.stdout.write(`LAUREL_ROUTES ${JSON.stringify(routeTable(app))}\n`);
    await app.close();
    process.exit(0);
  }
  await app.listen(config.http.port, config.http.host);
  const url = await app.getUrl();
  nest.log(`Laurel API listening on ${url.replace('[::1]', 'localhost')}`, 'Bootstrap');
  // Lets a parent process (npm start, tests) know the port without parsing logs.
  process.send?.({ type: 'listening', url });

  // SIGTERM: stop taking connections, let in-flight requests finish, close the pool, exit 0.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      if (closing) return;
      closing = true;
      nest.log(`${signal} received: finishing in-flight requests`, 'Bootstrap');
      const force = setTimeout(() => process.exit(1), 25_000);
      force.unref();
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

bootstrap().catch((error: unknown) => {
  if (error instanceof EnvironmentError || (error as Error)?.name === 'EnvironmentError') {
    console.error(`Laurel cannot start. ${(error as Error).message}`);
  } else {
    console.error('Laurel failed to start:', error);
  }
  process.exit(1);
});
