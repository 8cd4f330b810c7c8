// HTTP tests against the built API (dist/apps/api/main.js) and a real PostgreSQL: DATABASE_URL
// when set, otherwise an embedded one started for the run on a free port.
module.exports = {
  displayName: 'api-e2e',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/src/support/global-setup.mjs',
  globalTeardown: '<rootDir>/src/support/global-teardown.mjs',
  testTimeout: 60_000,
  maxWorkers: 2,
};
