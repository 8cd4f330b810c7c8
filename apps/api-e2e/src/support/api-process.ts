import { ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

const root = resolve(__dirname, '../../../..');

export interface ApiProcess {
  url: string;
  databaseUrl: string;
  process: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

function adminUrl(): string {
  const fromSetup = process.env['LAUREL_E2E_ADMIN_URL'];
  if (fromSetup) return fromSetup;
  return JSON.parse(readFileSync(join(root, 'tmp', 'api-e2e-db.json'), 'utf8')).adminUrl;
}

/** A fresh, empty database of its own for one test file, so files can run in parallel. */
export async function createDatabase(): Promise<string> {
  const name = `laurel_t_${randomBytes(6).toString('hex')}`;
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Starts the built API (dist/apps/api/main.js) as its own process, on a free port. */
export async function startApi(env: Record<string, string> = {}, databaseUrl?: string): Promise<ApiProcess> {
  const dbUrl = databaseUrl ?? (await createDatabase());
  const dataDir = mkdtempSync(join(tmpdir(), 'laurel-api-'));
  let output = '';
  const child = fork(join(root, 'dist/apps/api/main.js'), [], {
    cwd: root,
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: dbUrl,
      LAUREL_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      LOGIN_THROTTLE_LIMIT: '1000',
      MAIL_THROTTLE_LIMIT: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));

  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`API did not start in 30 s:\n${output}`)), 30_000);
    child.on('message', (message: { type?: string; url?: string }) => {
      if (message?.type === 'listening' && message.url) {
        clearTimeout(timer);
        resolveUrl(message.url.replace('[::1]', '127.0.0.1'));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`API exited with ${code} before listening:\n${output}`));
    });
  });

  return {
    url,
    databaseUrl: dbUrl,
    process: child,
    output: () => output,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolveExit) => {
        if (child.exitCode !== null) return resolveExit(child.exitCode);
        child.once('exit', (code) => {
          rmSync(dataDir, { recursive: true, force: true });
          resolveExit(code);
        });
        child.kill(signal);
      }),
  };
}

/** Runs a process to completion (the CLI, a broken boot) and returns its exit code and output. */
export function runNode(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolveRun) => {
    let output = '';
    const child = fork(join(root, script), args, {
      cwd: root,
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolveRun({ code, output }));
  });
}
