export * from './lib/results.module';
export * from './lib/results.service';
