export * from './lib/idempotency.module';
