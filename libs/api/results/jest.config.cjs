module.exports = {
  displayName: 'api-results',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
