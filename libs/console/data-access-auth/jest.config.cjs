module.exports = {
  displayName: 'console-data-access-auth',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
};
