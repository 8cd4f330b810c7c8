module.exports = {
  displayName: 'api-database',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
