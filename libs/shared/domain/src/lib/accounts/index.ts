export * from './sign-in-backoff';
