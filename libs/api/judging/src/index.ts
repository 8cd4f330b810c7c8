export * from './lib/judging.module';
