// The console libraries' Jest setup: the shared preset, plus Angular's own packages (shipped as
// ES modules, partially compiled) transpiled to CommonJS and linked at run time by the JIT
// compiler, so a spec can use TestBed and HttpTestingController. Specs run in Node: a spec that
// needs the DOM says so with a `@jest-environment` docblock.
const path = require('node:path');
const preset = require('../../jest.preset.cjs');

const swc = preset.transform['^.+\\.ts$'];

module.exports = {
  ...preset,
  transform: {
    ...preset.transform,
    '^.+\\.mjs$': swc,
  },
  transformIgnorePatterns: ['/node_modules/(?!@angular/)'],
  setupFilesAfterEnv: [path.join(__dirname, 'jest.angular-setup.cjs')],
};
