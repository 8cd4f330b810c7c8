module.exports = {
  displayName: 'api-entries',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
