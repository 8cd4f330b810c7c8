export * from './lib/entries.module';
