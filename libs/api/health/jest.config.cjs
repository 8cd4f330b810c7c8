module.exports = {
  displayName: 'api-health',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
