export * from './lib/contests.module';
export * from './lib/contests.service';
