export * from './lib/auth';
export * from './lib/contests';
export * from './lib/errors';
export * from './lib/judging';
export * from './lib/results';
export * from './lib/closing';
export * from './lib/application';
export * from './lib/pitch';
