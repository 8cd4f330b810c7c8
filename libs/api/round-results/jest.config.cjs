module.exports = {
  displayName: 'api-round-results',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
