import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// Debian's Chromium, never a downloaded browser (machines here are offline).
const executablePath = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => !!path && existsSync(path),
);
const root = join(__dirname, '..', '..');
const port = Number(process.env['E2E_PORT'] ?? 4310);

export default defineConfig({
  testDir: './src',
  outputDir: join(root, 'tmp', 'console-e2e', 'results'),
  fullyParallel: false,
  workers: 1,
  retries: process.env['CI'] ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    timezoneId: 'Asia/Ho_Chi_Minh',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // The built API serving the built console, on a throwaway embedded PostgreSQL with demo data.
    command: 'node tools/scripts/start.mjs --no-build --throwaway',
    cwd: root,
    url: `http://127.0.0.1:${port}/api/health`,
    env: { PORT: String(port), LOG_LEVEL: 'warn', LOGIN_THROTTLE_LIMIT: '1000' },
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
