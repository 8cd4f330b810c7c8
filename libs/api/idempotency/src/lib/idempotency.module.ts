import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { IdempotencyGuard } from './idempotency.guard';

/**
 * Import after the authentication module: global guards run in the order they are registered, and
 * the key belongs to the signed-in caller. The application adds `IdempotencyGuard.keepAnswer` as a
 * Fastify onSend hook (configure-app.ts).
 */
@Module({ providers: [IdempotencyGuard, { provide: APP_GUARD, useExisting: IdempotencyGuard }], exports: [IdempotencyGuard] })
export class IdempotencyModule {}
