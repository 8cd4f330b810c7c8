export * from './lib/idempotency.module';
export * from './lib/idempotency.guard';
