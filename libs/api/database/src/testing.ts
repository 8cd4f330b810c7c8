import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

/** A throwaway embedded PostgreSQL for a service test: its URL, and how to stop it. */
export interface ThrowawayPostgres {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts one in a process of its own (tools/scripts/pg-server.mjs, as the fault tests use), so a
 * service test runs its repositories against a real PostgreSQL migrated from empty. Test-only: the
 * API does not import this entry point (`@laurel/api-database/testing`).
 */
export function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const child = fork(join(__dirname, '../../../../tools/scripts/pg-server.mjs'), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { type?: string; url?: string }) =>
      message.type === 'ready' && message.url ? resolve({ url: message.url, stop: () => stop(child) }) : reject(new Error(String(message))),
    );
    child.once('exit', (code) => reject(new Error(`PostgreSQL exited with ${code}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send('stop');
  await exited;
}
