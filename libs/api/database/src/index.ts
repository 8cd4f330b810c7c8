export * from './lib/entities';
export * from './lib/data-source';
export * from './lib/migrate';
export * from './lib/database.module';
export * from './lib/seed/demo-seed';
export * from './lib/repositories';
export { preparedRows } from './lib/repositories/prepared';
export * from './lib/repositories/repositories.module';
