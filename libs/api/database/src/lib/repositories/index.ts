export * from './contests.repository';
export * from './users.repository';
