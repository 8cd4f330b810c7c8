// The console libraries' Jest setup: the shared preset, plus Angular's own packages (shipped as
// ES modules, partially compiled) transpiled to CommonJS and linked at run time by the JIT
// compiler, so a spec can use TestBed and HttpTestingController. Specs run in jsdom: Angular's
// platform-browser (and the console's I18nService) read the document.
const path = require('node:path');
const preset = require('../../jest.preset.cjs');

const swc = preset.transform['^.+\\.ts$'];

module.exports = {
  ...preset,
  testEnvironment: 'jsdom',
  transform: {
    ...preset.transform,
    '^.+\\.mjs$': swc,
  },
  transformIgnorePatterns: ['/node_modules/(?!@angular/)'],
  setupFilesAfterEnv: [path.join(__dirname, 'jest.angular-setup.cjs')],
};
