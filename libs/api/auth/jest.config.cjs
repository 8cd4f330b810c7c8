module.exports = {
  displayName: 'api-auth',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
