import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from '@laurel/tools/scripts/embedded-db.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const STATE_FILE = join(root, 'tmp', 'api-e2e-db.json');

export default async function globalSetup() {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'laurel-e2e-'));
    const embedded = await startEmbeddedPostgres({ dir, throwaway: true, database: 'laurel_e2e' });
    globalThis.__LAUREL_EMBEDDED_PG__ = embedded;
    adminUrl = embedded.url;
  }
  // Test workers inherit this process's environment, so two runs side by side never mix up
  // their databases; the file is only a fallback for tools that run outside Jest.
  process.env.LAUREL_E2E_ADMIN_URL = adminUrl;
  mkdirSync(dirname(STATE_FILE), { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify({ adminUrl }));
}
