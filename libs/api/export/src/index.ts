export * from './lib/export.module';
