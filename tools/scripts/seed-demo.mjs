// `npm run seed:demo`: adds the demo contest and accounts to the database of DATABASE_URL (or
// to the embedded one under .laurel/ when DATABASE_URL is not set).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from './embedded-db.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
if (!existsSync(join(root, 'dist/apps/api/cli.js'))) {
  spawnSync('npx', ['nx', 'build', 'api'], { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
}
let url = process.env.DATABASE_URL;
let embedded = null;
if (!url) {
  embedded = await startEmbeddedPostgres({ dir: resolve(root, process.env.LAUREL_DATA_DIR ?? '.laurel') });
  url = embedded.url;
}
const result = spawnSync(process.execPath, [join(root, 'dist/apps/api/cli.js'), 'seed-demo'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: url },
});
await embedded?.stop();
process.exit(result.status ?? 1);
