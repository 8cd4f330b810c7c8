export * from './lib/contests.module';
export * from './lib/contests.service';
export * from './lib/contests.repository';
