export * from './lib/scoring/index';
export * from './lib/assignment/index';
export * from './lib/closing/index';
export * from './lib/application/index';
export * from './lib/pitch/index';
export * from './lib/accounts/index';
export * from './lib/util/known';
export * from './lib/util/coded-problem';
