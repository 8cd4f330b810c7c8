export * from './contests.repository';
export * from './rounds.repository';
export * from './users.repository';
