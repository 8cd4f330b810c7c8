/**
 * The size of libuv's thread pool, where argon2 hashes, the file system reads and writes and a
 * new database connection's SCRAM runs: an operator's `UV_THREADPOOL_SIZE` is kept; otherwise
 * one thread per core for the password queue (one hash per core) and two for the rest, at least
 * libuv's default of four.
 */
export function threadPoolSize(cores: number, configured: string | undefined): string {
  const size = Number(configured);
  if (configured !== undefined && Number.isInteger(size) && size > 0) return configured;
  return String(Math.max(4, cores + 2));
}
