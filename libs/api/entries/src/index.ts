export * from './lib/entries.module';
export type * from './lib/entry.views';
