module.exports = {
  displayName: 'api-core',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
