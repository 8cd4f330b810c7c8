export * from './lib/entities';
export * from './lib/data-source';
export * from './lib/migrate';
export * from './lib/database.module';
export * from './lib/seed/demo-seed';
