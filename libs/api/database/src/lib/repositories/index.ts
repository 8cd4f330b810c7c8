export * from './contests.repository';
export * from './rounds.repository';
export * from './users.repository';
export * from './entries.repository';
export * from './attachments.repository';
