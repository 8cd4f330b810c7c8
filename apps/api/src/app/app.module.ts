import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { HttpExceptionFilter, laurelConfig, type LaurelConfig, LaurelConfigModule } from '@laurel/api-core';
import { AuditModule } from '@laurel/api-audit';
import { AuthModule } from '@laurel/api-auth';
import { ContestsModule } from '@laurel/api-contests';
import { DatabaseModule } from '@laurel/api-database';
import { HealthModule } from '@laurel/api-health';
import { IdempotencyModule } from '@laurel/api-idempotency';

@Module({
  imports: [
    LaurelConfigModule,
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
    HealthModule,
    AuditModule,
    IdempotencyModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: HttpExceptionFilter }],
})
export class AppModule {}
