import { Module } from '@nestjs/common';
import { APP_FILTER, DiscoveryModule } from '@nestjs/core';
import { HttpExceptionFilter, LaurelConfigModule } from '@laurel/api-core';
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
