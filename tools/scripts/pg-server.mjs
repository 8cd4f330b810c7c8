// A throwaway embedded PostgreSQL in a process of its own, for fault tests: it sends
// {type:'ready', url} and, on the message 'restart', stops and starts the server again on the
// same port and data (sending {type:'restarted', downMs}). It stops when its parent goes away.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from './embedded-db.mjs';

const dir = mkdtempSync(join(tmpdir(), 'laurel-pg-'));
let server = await startEmbeddedPostgres({ dir, database: 'laurel_faults' });
const port = server.port;
process.send?.({ type: 'ready', url: server.url });

process.on('message', async (message) => {
  if (message === 'restart') {
    const started = Date.now();
    await server.stop();
    server = await startEmbeddedPostgres({ dir, port, database: 'laurel_faults' });
    process.send?.({ type: 'restarted', downMs: Date.now() - started });
  } else if (message === 'stop') {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }
});
process.on('disconnect', async () => {
  await server.stop().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
