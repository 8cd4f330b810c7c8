import { Module } from '@nestjs/common';
import { APP_FILTER, DiscoveryModule } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { HttpExceptionFilter, laurelConfig, type LaurelConfig, LaurelConfigModule } from '@laurel/api-core';
import { AuditModule } from '@laurel/api-audit';
import { AuthModule } from '@laurel/api-auth';
import { ContestsModule } from '@laurel/api-contests';
import { DatabaseModule } from '@laurel/api-database';
import { EntriesModule } from '@laurel/api-entries';
import { HealthModule } from '@laurel/api-health';
import { JudgingModule } from '@laurel/api-judging';
import { IdempotencyModule } from '@laurel/api-idempotency';
import { ResultsModule } from '@laurel/api-results';
import { ExportModule } from '@laurel/api-export';

@Module({
  imports: [
    LaurelConfigModule,
    DiscoveryModule,
    LoggerModule.forRootAsync({
      inject: [laurelConfig.KEY],
      useFactory: (config: LaurelConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
          customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
          autoLogging: { ignore: (req) => req.url === '/api/health' },
        },
      }),
    }),
    DatabaseModule,
    AuthModule,
    ContestsModule,
    EntriesModule,
    HealthModule,
    JudgingModule,
    AuditModule,
    IdempotencyModule,
    ResultsModule,
    ExportModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: HttpExceptionFilter }],
})
export class AppModule {}
