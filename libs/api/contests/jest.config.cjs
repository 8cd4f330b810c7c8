module.exports = {
  displayName: 'api-contests',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
