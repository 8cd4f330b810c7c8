import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// Debian's Chromium, never a downloaded browser (machines here are offline).
const executablePath = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => !!path && existsSync(path),
);
const root = join(__dirname, '..', '..');
const basePort = Number(process.env['E2E_PORT'] ?? 4310);

/**
 * Each spec file gets a platform of its own (the built API and console on a throwaway database
 * with the demo data), so one file moving the demo contest on (say, to judging) cannot change
 * what another file finds.
 */
const SPECS = [
  'foundation',
  'submit',
  'organize',
  'judging',
  'results',
  'audit',
  'dead-ends',
  'scoring-policies',
  'application-form',
  'closing',
  'pitch',
  'accessibility',
  'accounts',
  'account-settings',
  'public-vote',
  'console-paths',
  'entry-correction',
];
const servers = SPECS.map((spec, i) => ({ spec, port: basePort + i }));
// `playwright test dead-ends` starts only the platforms of the files it names (each start builds a
// database); with no file named, every platform starts. Ports stay fixed per file either way.
const named = servers.filter(({ spec }) => process.argv.some((arg) => arg === spec || arg.endsWith(`${spec}.spec.ts`)));
const started = named.length > 0 ? named : servers;

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
  projects: servers.map(({ spec, port }) => ({
    name: spec,
    testMatch: `${spec}.spec.ts`,
    use: { baseURL: `http://127.0.0.1:${port}` },
  })),
  webServer: started.map(({ port }) => ({
    command: 'node tools/scripts/start.mjs --no-build --throwaway',
    cwd: root,
    url: `http://127.0.0.1:${port}/api/health`,
    env: { PORT: String(port), LOG_LEVEL: 'warn', LOGIN_THROTTLE_LIMIT: '1000', MAIL_THROTTLE_LIMIT: '100000' },
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  })),
});
