// One Jest setup for every TypeScript project: SWC transpiles (with decorator metadata, which
// Nest's dependency injection reads) and Nx's resolver maps the @laurel/* aliases of
// tsconfig.base.json.
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  resolver: '@nx/jest/plugins/resolver',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  testMatch: ['**/?(*.)+(spec|test).ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  rootDir: undefined,
  cacheDirectory: path.join(__dirname, 'tmp', 'jest'),
};
