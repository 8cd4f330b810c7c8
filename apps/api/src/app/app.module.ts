import { Module } from '@nestjs/common';
import { APP_FILTER, DiscoveryModule } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import {
  HttpExceptionFilter,
  laurelConfig,
  type LaurelConfig,
  LaurelConfigModule,
  PINO_REDACT_PATHS,
  REDACTED,
  redactText,
  redactUrl,
} from '@laurel/api-core';
import { AuditModule } from '@laurel/api-audit';
import { AuthModule } from '@laurel/api-auth';
import { ContestsModule } from '@laurel/api-contests';
import { DatabaseModule } from '@laurel/api-database';
import { EntriesModule } from '@laurel/api-entries';
import { HealthModule } from '@laurel/api-health';
import { JudgingModule } from '@laurel/api-judging';
import { IdempotencyModule } from '@laurel/api-idempotency';
import { ResultsModule } from '@laurel/api-results';
import { PitchModule } from '@laurel/api-pitch';
import { ExportModule } from '@laurel/api-export';
import { DocumentsModule } from '@laurel/api-documents';
import { MailModule } from '@laurel/api-mail';

@Module({
  imports: [
    LaurelConfigModule,
    DiscoveryModule,
    LoggerModule.forRootAsync({
      inject: [laurelConfig.KEY],
      useFactory: (config: LaurelConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          redact: { paths: PINO_REDACT_PATHS, censor: REDACTED },
          serializers: { req: (req: { url?: string }) => ({ ...req, url: req.url === undefined ? undefined : redactUrl(req.url) }) },
          // The last net: a signed token that reached any message (an error text, a stack) is blanked.
          hooks: { streamWrite: redactText },
          customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
          autoLogging: { ignore: (req) => req.url === '/api/health' },
        },
      }),
    }),
    DatabaseModule,
    MailModule.forRoot(),
    AuthModule,
    ContestsModule,
    EntriesModule,
    HealthModule,
    JudgingModule,
    AuditModule,
    IdempotencyModule,
    ResultsModule,
    ExportModule,
    DocumentsModule,
    PitchModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: HttpExceptionFilter }],
})
export class AppModule {}
